"use client";

import { AlertTriangle, Ban, CheckCheck, Clock, MessageCircle, Send, UserX, XCircle } from "lucide-react";
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
import { addCampaignRecipientNote, loadCampaignRecipients } from "@/lib/campaigns/actions";
import type { KeysetCursor } from "@/lib/campaigns/list-view";
import type { RecipientNote, RecipientPage, RecipientView } from "@/lib/campaigns/recipients-view";
import { carrierErrorCategory } from "@/lib/messaging/carrier-errors";
import { formatPhone } from "@/lib/phone";
import { RECIPIENT_FILTERS, type RecipientFilter } from "../../_components/types";

const GRID = "lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1.3fr)_minmax(0,2fr)_6rem]";

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
  const open = useOpenRows(highlight, "recipient-");
  const pager = useLoadMore<RecipientPage>(
    nextCursor,
    (cursor) => loadCampaignRecipients({ campaignId, status: filter === "all" ? null : filter, cursor }),
    (page) => setAdded((current) => [...current, ...page.notes]),
  );
  const shown = pager.rowsAfter(rows);
  const notes = [...initialNotes, ...added.filter((note) => !initialNotes.some((known) => known.id === note.id))];

  return (
    <ResultsList
      id="recipients-title"
      title={t("title")}
      filterLabel={t("filterLabel")}
      filterTestId="recipients-filter"
      filters={RECIPIENT_FILTERS.map((candidate) => ({
        key: candidate,
        href: candidate === "all" ? `/campaigns/${campaignId}` : `/campaigns/${campaignId}?status=${candidate}`,
        label: t(`filters.${candidate}`),
        count: counts[candidate],
        active: filter === candidate,
      }))}
      columns={[t("columns.customer"), t("columns.status"), t("columns.reply"), t("columns.notes")]}
      gridClassName={GRID}
      empty={shown.length ? null : filter === "all" ? { title: t("emptyTitle"), description: t("emptyDescription") } : { title: t("emptyFiltered") }}
      listTestId="recipients-list"
      pager={pager}
      loadMoreTestId="recipients-load-more"
    >
      {shown.map((row) => (
        <RecipientItem
          key={row.id}
          row={row}
          notes={notes.filter((note) => note.recipientId === row.id)}
          open={open.isOpen(row.id)}
          onToggle={() => open.toggle(row.id)}
          highlighted={row.id === highlight}
          mentionables={mentionables}
          viewerName={viewerName}
          onNoteAdded={(note) => setAdded((current) => [...current, note])}
        />
      ))}
    </ResultsList>
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
      <div className={cn("grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-2 lg:items-start", GRID)}>
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
