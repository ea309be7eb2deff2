"use client";

import { AlertTriangle, Ban, CalendarCheck, CalendarX, CalendarClock, Clock, MessageCircle, Send, Smile, Frown, Meh, Sparkles } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import type { Mentionable } from "@/components/composer/mention-list";
import { ResultNotesPanel, ResultNotesToggle } from "@/components/notes/result-notes";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useLoadMore } from "@/components/ui/load-more";
import { ResultsList, useOpenRows } from "@/components/ui/results-list";
import { carrierErrorCategory } from "@/lib/messaging/carrier-errors";
import { addResultNote, loadAutomationResults } from "@/lib/automations/results-actions";
import type { ResultNoteRow, ResultRow } from "@/lib/automations/results-view";

type Status = "pending" | "sent" | "skipped" | "failed";
type Cursor = { createdAt: string; id: string } | null;

const FILTERS = ["all", "sent", "skipped", "failed", "pending"] as const;
const GRID = "lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1.3fr)_minmax(0,2fr)_minmax(0,1.1fr)_5.5rem]";

function mergeById<T extends { id: string }>(first: T[], second: T[]): T[] {
  const seen = new Set(first.map((item) => item.id));
  return [...first, ...second.filter((item) => !seen.has(item.id))];
}

/**
 * The customers an automation contacted, newest first, 25 at a time. The server page
 * re-renders on live events (a reply, a send); pages loaded with "Load more" stay.
 */
export function ResultsTable({
  automationId,
  status,
  counts,
  initialRows,
  initialNotes,
  initialCursor,
  highlight,
  scale,
  keywordLabels,
  mentionables,
  viewerName,
}: {
  automationId: string;
  status: Status | null;
  counts: Record<"all" | Status, number>;
  initialRows: ResultRow[];
  initialNotes: ResultNoteRow[];
  initialCursor: Cursor;
  highlight: string | null;
  scale: number | null;
  keywordLabels: Record<string, string>;
  mentionables: Mentionable[];
  /** The signed-in user: the author of the notes they add. */
  viewerName: string;
}) {
  const t = useTranslations("automations.results");
  const [extraNotes, setExtraNotes] = useState<ResultNoteRow[]>([]);
  const open = useOpenRows(highlight, "result-");
  const pager = useLoadMore(
    initialCursor,
    (cursor: NonNullable<Cursor>) => loadAutomationResults({ automationId, cursor, status }),
    (page) => setExtraNotes((current) => [...current, ...page.notes]),
  );
  const rows = pager.rowsAfter(initialRows);
  const notes = mergeById(initialNotes, extraNotes);

  return (
    <ResultsList
      id="results-title"
      title={t("customersTitle")}
      filterLabel={t("filterLabel")}
      filters={FILTERS.filter((filter) => filter === "all" || filter !== "pending" || counts.pending > 0).map((filter) => ({
        key: filter,
        href: filter === "all" ? `/automations/${automationId}` : `/automations/${automationId}?status=${filter}`,
        label: t(`filters.${filter}`),
        count: counts[filter],
        active: (status ?? "all") === filter,
      }))}
      columns={[t("columns.customer"), t("columns.status"), t("columns.reply"), t("columns.outcome"), t("columns.notes")]}
      gridClassName={GRID}
      empty={rows.length ? null : status ? { title: t("emptyFiltered") } : { title: t("emptyTitle"), description: t("emptyDescription") }}
      listTestId="results-list"
      pager={pager}
      loadMoreTestId="results-load-more"
    >
      {rows.map((row) => (
        <ResultItem
          key={row.id}
          row={row}
          notes={notes.filter((note) => note.resultId === row.id)}
          open={open.isOpen(row.id)}
          onToggle={() => open.toggle(row.id)}
          highlighted={row.id === highlight}
          scale={scale}
          keywordLabels={keywordLabels}
          mentionables={mentionables}
          viewerName={viewerName}
          onNoteAdded={(note) => setExtraNotes((current) => [...current, note])}
        />
      ))}
    </ResultsList>
  );
}

function ResultItem({
  row,
  notes,
  open,
  onToggle,
  highlighted,
  scale,
  keywordLabels,
  mentionables,
  viewerName,
  onNoteAdded,
}: {
  row: ResultRow;
  notes: ResultNoteRow[];
  open: boolean;
  onToggle: () => void;
  highlighted: boolean;
  scale: number | null;
  keywordLabels: Record<string, string>;
  mentionables: Mentionable[];
  viewerName: string;
  onNoteAdded: (note: ResultNoteRow) => void;
}) {
  const t = useTranslations("automations.results");
  const tThread = useTranslations("thread");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const customerHref = row.conversationId ? `/conversations/${row.conversationId}` : `/customers/${row.customerId}`;
  const carrierKey = row.error ? `carrierErrors.${carrierErrorCategory(row.error, row.error)}` : null;

  return (
    <li id={`result-${row.id}`} data-testid="result-row" data-status={row.status} className={cn("px-4 py-3 sm:px-5", highlighted && "bg-brand-50/60")}>
      <div className={cn("grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-2 lg:items-start", GRID)}>
        <Link href={customerHref} className="flex min-w-0 items-center gap-3 hover:underline" data-testid="result-customer" title={row.conversationId ? t("openConversation") : t("openProfile")}>
          <Avatar name={row.customerName} size="sm" />
          <span className="min-w-0">
            <span className="block truncate text-sm font-medium text-slate-900">{row.customerName}</span>
            <span className="flex items-center gap-1 truncate text-xs text-slate-500">
              {row.conversationId ? <MessageCircle className="h-3 w-3 shrink-0" aria-hidden /> : null}
              {row.mobile ?? t("noMobile")}
            </span>
          </span>
        </Link>

        <div className="col-span-2 min-w-0 text-sm lg:col-span-1" data-testid="result-status">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 lg:block">
          <StatusBadge status={row.status} label={t(`resultStatus.${row.status}`)} />
          <p className="text-xs text-slate-500 lg:mt-1">{row.sentAt ? t("sentAt", { time: when(row.sentAt) }) : t("createdAt", { time: when(row.createdAt) })}</p>
          </div>
          {row.status === "skipped" && row.skipReason ? <p className="mt-1 text-xs text-slate-600">{t.has(`skip.${row.skipReason}`) ? t(`skip.${row.skipReason}`) : row.skipReason}</p> : null}
          {row.status === "failed" && carrierKey ? (
            <p className="mt-1 flex items-start gap-1 text-xs text-red-700" title={row.error ?? undefined} data-testid="result-error">
              <AlertTriangle className="mt-0.5 h-3 w-3 shrink-0" aria-hidden />
              {tThread.has(carrierKey) ? tThread(carrierKey) : row.error}
            </p>
          ) : null}
        </div>

        <div className="col-span-2 min-w-0 text-sm lg:col-span-1" data-testid="result-reply">
          {row.replyBody ? (
            <>
              <p className="rounded-lg rounded-tl-sm bg-slate-100 px-2.5 py-1.5 whitespace-pre-wrap text-slate-900">{row.replyBody}</p>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
                {row.repliedAt ? <span>{when(row.repliedAt)}</span> : null}
                {row.matchedResponseId ? <span>· {t("matchedKeyword", { keyword: keywordLabels[row.matchedResponseId] ?? row.matchedResponseId })}</span> : null}
                {row.classification && !row.matchedResponseId ? <span>· {t(`classification.${row.classification}`)}</span> : null}
              </p>
              {row.replySummary ? (
                <p className="mt-1 flex items-start gap-1 text-xs text-slate-600">
                  <Sparkles className="mt-0.5 h-3 w-3 shrink-0 text-brand-600" aria-hidden />
                  {row.replySummary}
                </p>
              ) : null}
            </>
          ) : (
            row.status === "sent" ? <p className="text-xs text-slate-400">{t("noReply")}</p> : <p className="hidden text-xs text-slate-400 lg:block">—</p>
          )}
        </div>

        <div className={cn("col-span-2 min-w-0 flex-wrap items-center gap-1.5 text-sm lg:col-span-1 lg:flex", row.sentiment || row.score !== null || row.appointmentStatus ? "flex" : "hidden")} data-testid="result-outcome">
          {row.sentiment ? <SentimentBadge sentiment={row.sentiment} label={t(`sentiment.${row.sentiment}`)} /> : null}
          {row.score !== null ? <Badge tone="brand">{scale ? t("scoreOutOf", { score: row.score, scale }) : t("score", { score: row.score })}</Badge> : null}
          {row.appointmentStatus ? <AppointmentBadge status={row.appointmentStatus} label={t.has(`appointment.${row.appointmentStatus}`) ? t(`appointment.${row.appointmentStatus}`) : row.appointmentStatus} /> : null}
          {row.appointmentStartAt ? <span className="text-xs text-slate-500">{when(row.appointmentStartAt)}</span> : null}
          {!row.sentiment && row.score === null && !row.appointmentStatus ? <span className="hidden text-xs text-slate-400 lg:inline">—</span> : null}
        </div>

        <div className="col-start-2 row-start-1 flex justify-end lg:col-start-auto lg:row-start-auto">
          <ResultNotesToggle count={notes.length} open={open} onToggle={onToggle} controls={`result-notes-${row.id}`} />
        </div>
      </div>

      {open ? (
        <ResultNotesPanel
          id={`result-notes-${row.id}`}
          notes={notes}
          mentionables={mentionables}
          authorName={viewerName}
          save={(note) => addResultNote({ resultId: row.id, ...note })}
          onAdded={(note) => onNoteAdded({ ...note, resultId: row.id })}
        />
      ) : null}
    </li>
  );
}

function StatusBadge({ status, label }: { status: Status; label: string }) {
  if (status === "sent")
    return (
      <Badge tone="green">
        <Send className="h-3 w-3" aria-hidden />
        {label}
      </Badge>
    );
  if (status === "failed")
    return (
      <Badge tone="red">
        <AlertTriangle className="h-3 w-3" aria-hidden />
        {label}
      </Badge>
    );
  if (status === "skipped")
    return (
      <Badge tone="neutral">
        <Ban className="h-3 w-3" aria-hidden />
        {label}
      </Badge>
    );
  return (
    <Badge tone="yellow">
      <Clock className="h-3 w-3" aria-hidden />
      {label}
    </Badge>
  );
}

function SentimentBadge({ sentiment, label }: { sentiment: "positive" | "negative" | "neutral"; label: string }) {
  const Icon = sentiment === "positive" ? Smile : sentiment === "negative" ? Frown : Meh;
  return (
    <Badge tone={sentiment === "positive" ? "green" : sentiment === "negative" ? "red" : "neutral"} data-testid="result-sentiment">
      <Icon className="h-3 w-3" aria-hidden />
      {label}
    </Badge>
  );
}

function AppointmentBadge({ status, label }: { status: string; label: string }) {
  const Icon = status === "confirmed" || status === "completed" ? CalendarCheck : status === "cancelled" || status === "no_show" ? CalendarX : CalendarClock;
  const tone = status === "confirmed" || status === "completed" ? "green" : status === "cancelled" || status === "no_show" ? "red" : "neutral";
  return (
    <Badge tone={tone} data-testid="result-appointment">
      <Icon className="h-3 w-3" aria-hidden />
      {label}
    </Badge>
  );
}
