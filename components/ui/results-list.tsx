"use client";

import { Send } from "lucide-react";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { Card } from "./card";
import { cn } from "./cn";
import { LoadMoreButton, type LoadMorePager } from "./load-more";
import { EmptyState } from "./page-header";

export type ResultsFilter = { key: string; href: string; label: string; count: number; active: boolean };

/**
 * Who a send reached (an automation's results, a campaign's recipients): a title with
 * filter pills and their counts, the column headings on wide screens, the rows, "Load more".
 */
export function ResultsList({
  id,
  title,
  filterLabel,
  filters,
  filterTestId,
  columns,
  gridClassName,
  empty,
  listTestId,
  pager,
  loadMoreTestId,
  children,
}: {
  id: string;
  title: string;
  filterLabel: string;
  filters: ResultsFilter[];
  /** Each pill's test id is this prefix and its key. */
  filterTestId?: string;
  /** Column headings; the last is right-aligned (the notes toggle). */
  columns: string[];
  /** The rows' grid on wide screens, shared with the headings (`lg:grid-cols-[…]`). */
  gridClassName: string;
  /** Shown instead of the rows when there are none. */
  empty: { title: string; description?: string } | null;
  listTestId: string;
  pager: LoadMorePager;
  loadMoreTestId: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <nav aria-label={filterLabel} className="-mx-1 flex max-w-full gap-1 overflow-x-auto px-1 pb-1">
          {filters.map((filter) => (
            <Link
              key={filter.key}
              href={filter.href}
              aria-current={filter.active ? "page" : undefined}
              scroll={false}
              className={cn("shrink-0 rounded-full px-3 py-1 text-sm font-medium", filter.active ? "bg-slate-900 text-white" : "text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100")}
              data-testid={filterTestId ? `${filterTestId}-${filter.key}` : undefined}
            >
              {filter.label} <span className={cn("tabular-nums", filter.active ? "text-white/70" : "text-slate-400")}>{filter.count}</span>
            </Link>
          ))}
        </nav>
      </div>
      <Card className="overflow-hidden">
        {empty ? (
          <EmptyState icon={<Send className="h-6 w-6" />} title={empty.title} description={empty.description} />
        ) : (
          <>
            <div className={cn("hidden gap-4 border-b border-slate-100 bg-slate-50 px-5 py-2 text-xs font-medium tracking-wide text-slate-500 uppercase lg:grid", gridClassName)}>
              {columns.map((column, index) => (
                <span key={column} className={index === columns.length - 1 ? "text-right" : undefined}>
                  {column}
                </span>
              ))}
            </div>
            <ul className="divide-y divide-slate-100" data-testid={listTestId}>
              {children}
            </ul>
          </>
        )}
      </Card>
      <LoadMoreButton pager={pager} testId={loadMoreTestId} />
    </section>
  );
}

/** Which rows have their notes open (a linked one from the start, scrolled into view). */
export function useOpenRows(highlight: string | null, elementPrefix: string) {
  const [open, setOpen] = useState<Set<string>>(() => new Set(highlight ? [highlight] : []));
  useEffect(() => {
    if (highlight) document.getElementById(`${elementPrefix}${highlight}`)?.scrollIntoView({ block: "center" });
  }, [highlight, elementPrefix]);
  return {
    isOpen: (id: string) => open.has(id),
    toggle: (id: string) =>
      setOpen((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
}
