"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "./button";
import { useErrorText } from "./use-error-text";

type Page = { rows: { id: string }[]; nextCursor: unknown };

/**
 * Keyset "Load more" for a list the server renders first: the pages after `initialCursor`,
 * fetched by a server action, kept below the server's rows (which may re-render live).
 * `onPage` receives each page whole (rows' notes, say).
 */
export function useLoadMore<P extends Page>(initialCursor: P["nextCursor"], load: (cursor: NonNullable<P["nextCursor"]>) => Promise<ActionResult<P>>, onPage?: (page: P) => void) {
  type Row = P["rows"][number];
  type Cursor = P["nextCursor"];
  const errorText = useErrorText();
  const [more, setMore] = useState<{ rows: Row[]; cursor: Cursor }>({ rows: [], cursor: initialCursor });
  const [error, setError] = useState<string>();
  const [loading, startLoading] = useTransition();
  const loadMore = () =>
    startLoading(async () => {
      const cursor = more.cursor;
      if (cursor == null) return;
      const result = await load(cursor);
      if (!result.ok) return setError(errorText(result.error, result.values));
      setError(undefined);
      onPage?.(result.data);
      setMore((current) => ({ rows: [...current.rows, ...result.data.rows], cursor: result.data.nextCursor }));
    });
  return {
    /** The server's rows then the loaded ones, each once (a live re-render may have moved one up). */
    rowsAfter: (first: Row[]) => {
      const seen = new Set(first.map((row) => row.id));
      return [...first, ...more.rows.filter((row) => !seen.has(row.id))];
    },
    hasMore: more.cursor != null,
    loadMore,
    loading,
    error,
    /** Back to the server's first page (a new search or filter). */
    reset: (cursor: Cursor) => setMore({ rows: [], cursor }),
  };
}

export type LoadMorePager = { hasMore: boolean; loadMore: () => void; loading: boolean; error?: string };

/** The button under a paged list, with its pending spinner and the last failure. */
export function LoadMoreButton({ pager, testId, label }: { pager: LoadMorePager; testId: string; label?: string }) {
  const t = useTranslations("pagination");
  if (!pager.hasMore) return null;
  return (
    <div className="flex flex-col items-center gap-1">
      <Button variant="secondary" onClick={pager.loadMore} pending={pager.loading} data-testid={testId}>
        {label ?? t("loadMore")}
      </Button>
      {pager.error ? (
        <p role="alert" className="text-sm text-red-600">
          {pager.error}
        </p>
      ) : null}
    </div>
  );
}
