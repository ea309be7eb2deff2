"use client";

import { AlertTriangle, Ban, CheckCheck, Clock, MessageCircle, Send, UserX, XCircle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { Mentionable } from "@/components/composer/mention-list";
import { ResultNotesPanel, ResultNotesToggle } from "@/components/notes/result-notes";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/page-header";
import { LoadMoreButton, useLoadMore } from "@/components/ui/load-more";
import { addCampaignRecipientNote, loadCampaignRecipients } from "@/lib/campaigns/actions";
import type { KeysetCursor } from "@/lib/campaigns/list-view";
import type { RecipientNote, RecipientPage, RecipientView } from "@/lib/campaigns/recipients-view";
import { carrierErrorCategory } from "@/lib/messaging/carrier-errors";
import { formatPhone } from "@/lib/phone";
import { RECIPIENT_FILTERS, type RecipientFilter } from "../../_components/types";

/**
 * Who the campaign texted, filtered by outcome: the status (with the skip reason or the
 * carrier's error), the reply with a link to the conversation, opt-outs, and internal
 * notes with @mentions. The server page re-renders as texts go out and replies arrive.
 */
export function RecipientsList({
  campaignId,
  filter,
  counts,
  rows,
  initialNotes,
  highlight,
  nextCursor,
  mentionables,
  viewerName,
}: {
  campaignId: string;
  filter: RecipientFilter;
  counts: Record<RecipientFilter, number>;
  rows: RecipientView[];
  initialNotes: RecipientNote[];
  highlight: string | null;
  /** Where "Load more" continues (in the same filter). */
  nextCursor: KeysetCursor | null;
  mentionables: Mentionable[];
  viewerName: string;
}) {
  const t = useTranslations("campaigns.recipients");
  const [added, setAdded] = useState<RecipientNote[]>([]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(highlight ? [highlight] : []));
  const pager = useLoadMore<RecipientPage>(
    nextCursor,
    (cursor) => loadCampaignRecipients({ campaignId, status: filter === "all" ? null : filter, cursor }),
    (page) => setAdded((current) => [...current, ...page.notes]),
  );
  const shown = pager.rowsAfter(rows);
  const notes = [...initialNotes, ...added.filter((note) => !initialNotes.some((known) => known.id === note.id))];
  useEffect(() => {
    if (highlight) document.getElementById(`recipient-${highlight}`)?.scrollIntoView({ block: "center" });
  }, [highlight]);
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="recipients-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="recipients-title" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <nav aria-label={t("filterLabel")} className="-mx-1 flex max-w-full gap-1 overflow-x-auto px-1 pb-1">
          {RECIPIENT_FILTERS.map((candidate) => {
            const active = filter === candidate;
            return (
              <Link
                key={candidate}
                href={candidate === "all" ? `/campaigns/${campaignId}` : `/campaigns/${campaignId}?status=${candidate}`}
                aria-current={active ? "page" : undefined}
                scroll={false}
                className={cn("shrink-0 rounded-full px-3 py-1 text-sm font-medium", active ? "bg-slate-900 text-white" : "text-slate-600 ring-1 ring-slate-200 hover:bg-slate-100")}
                data-testid={`recipients-filter-${candidate}`}
              >
                {t(`filters.${candidate}`)} <span className={cn("tabular-nums", active ? "text-white/70" : "text-slate-400")}>{counts[candidate]}</span>
              </Link>
            );
          })}
        </nav>
      </div>
      <Card className="overflow-hidden">
        {shown.length === 0 ? (
          <EmptyState icon={<Send className="h-6 w-6" />} title={filter === "all" ? t("emptyTitle") : t("emptyFiltered")} description={filter === "all" ? t("emptyDescription") : undefined} />
        ) : (
          <>
            <div className="hidden grid-cols-[minmax(0,1.3fr)_minmax(0,1.3fr)_minmax(0,2fr)_6rem] gap-4 border-b border-slate-100 bg-slate-50 px-5 py-2 text-xs font-medium tracking-wide text-slate-500 uppercase lg:grid">
              <span>{t("columns.customer")}</span>
              <span>{t("columns.status")}</span>
              <span>{t("columns.reply")}</span>
              <span className="text-right">{t("columns.notes")}</span>
            </div>
            <ul className="divide-y divide-slate-100" data-testid="recipients-list">
              {shown.map((row) => (
                <RecipientItem
                  key={row.id}
                  row={row}
                  notes={notes.filter((note) => note.recipientId === row.id)}
                  open={open.has(row.id)}
                  onToggle={() => toggle(row.id)}
                  highlighted={row.id === highlight}
                  mentionables={mentionables}
                  viewerName={viewerName}
                  onNoteAdded={(note) => setAdded((current) => [...current, note])}
                />
              ))}
            </ul>
          </>
        )}
      </Card>
      <LoadMoreButton pager={pager} testId="recipients-load-more" />
    </section>
  );
}

function RecipientItem({
  row,
  notes,
  open,
  onToggle,
  highlighted,
  mentionables,
  viewerName,
  onNoteAdded,
}: {
  row: RecipientView;
  notes: RecipientNote[];
  open: boolean;
  onToggle: () => void;
  highlighted: boolean;
  mentionables: Mentionable[];
  viewerName: string;
  onNoteAdded: (note: RecipientNote) => void;
}) {
  const t = useTranslations("campaigns.recipients");
  const tSkip = useTranslations("campaigns.skip");
  const tThread = useTranslations("thread");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const href = row.conversationId ? `/conversations/${row.conversationId}` : `/customers/${row.customerId}`;
  const carrierKey = row.error ? `carrierErrors.${carrierErrorCategory(row.error, row.error)}` : null;
  return (
    <li id={`recipient-${row.id}`} data-testid="recipient-row" data-status={row.status} data-customer-id={row.customerId} className={cn("px-4 py-3 sm:px-5", highlighted && "bg-brand-50/60")}>
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-2 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1.3fr)_minmax(0,2fr)_6rem] lg:items-start">
        <Link href={href} className="flex min-w-0 items-center gap-3 hover:underline" title={row.conversationId ? t("openConversation") : t("openProfile")} data-testid="recipient-customer">
          <Avatar name={row.customerName} size="sm" />
          <span className="min-w-0">
            <span className="block truncate text-sm font-medium text-slate-900">{row.customerName}</span>
            <span className="flex items-center gap-1 truncate text-xs text-slate-500">
              {row.conversationId ? <MessageCircle className="h-3 w-3 shrink-0" aria-hidden /> : null}
              {row.mobile ? formatPhone(row.mobile) : t("noMobile")}
            </span>
          </span>
        </Link>

        <div className="col-span-2 min-w-0 text-sm lg:col-span-1" data-testid="recipient-status">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <StatusBadge status={row.status} label={t(`status.${row.status}`)} />
            {row.optedOutAt ? (
              <Badge tone="orange" data-testid="recipient-opted-out">
                <UserX className="h-3 w-3" aria-hidden />
                {t("optedOut")}
              </Badge>
            ) : null}
          </div>
          {row.sentAt ? <p className="mt-1 text-xs text-slate-500">{t("sentAt", { time: when(row.sentAt) })}</p> : null}
          {row.status === "skipped" && row.skipReason ? <p className="mt-1 text-xs text-slate-600">{tSkip.has(row.skipReason) ? tSkip(row.skipReason) : row.skipReason}</p> : null}
          {row.status === "failed" && carrierKey ? (
            <p className="mt-1 flex items-start gap-1 text-xs text-red-700" title={row.error ?? undefined} data-testid="recipient-error">
              <AlertTriangle className="mt-0.5 h-3 w-3 shrink-0" aria-hidden />
              {tThread.has(carrierKey) ? tThread(carrierKey) : row.error}
            </p>
          ) : null}
        </div>

        <div className="col-span-2 min-w-0 text-sm lg:col-span-1" data-testid="recipient-reply">
          {row.replyBody ? (
            <>
              <p className="rounded-lg rounded-tl-sm bg-slate-100 px-2.5 py-1.5 whitespace-pre-wrap text-slate-900">{row.replyBody}</p>
              <p className="mt-1 text-xs text-slate-500">
                {row.repliedAt ? when(row.repliedAt) : null}
                {row.conversationId ? (
                  <>
                    {" · "}
                    <Link href={`/conversations/${row.conversationId}`} className="font-medium text-brand-700 hover:underline">
                      {t("openConversation")}
                    </Link>
                  </>
                ) : null}
              </p>
            </>
          ) : row.status === "sent" || row.status === "delivered" ? (
            <p className="text-xs text-slate-400">{t("noReply")}</p>
          ) : (
            <p className="hidden text-xs text-slate-400 lg:block">—</p>
          )}
        </div>

        <div className="col-start-2 row-start-1 flex justify-end lg:col-start-auto lg:row-start-auto">
          <ResultNotesToggle count={notes.length} open={open} onToggle={onToggle} controls={`recipient-notes-${row.id}`} />
        </div>
      </div>
      {open ? (
        <ResultNotesPanel
          id={`recipient-notes-${row.id}`}
          notes={notes}
          mentionables={mentionables}
          authorName={viewerName}
          save={(note) => addCampaignRecipientNote({ recipientId: row.id, ...note })}
          onAdded={(note) => onNoteAdded({ ...note, recipientId: row.id })}
        />
      ) : null}
    </li>
  );
}

const BADGES = {
  delivered: { tone: "green", Icon: CheckCheck },
  sent: { tone: "green", Icon: Send },
  failed: { tone: "red", Icon: AlertTriangle },
  skipped: { tone: "neutral", Icon: Ban },
  cancelled: { tone: "neutral", Icon: XCircle },
  pending: { tone: "yellow", Icon: Clock },
  sending: { tone: "yellow", Icon: Clock },
} as const;

function StatusBadge({ status, label }: { status: RecipientView["status"]; label: string }) {
  const { tone, Icon } = BADGES[status];
  return (
    <Badge tone={tone}>
      <Icon className="h-3 w-3" aria-hidden />
      {label}
    </Badge>
  );
}
