import { AlertTriangle, Bot, CalendarClock, Check, CheckCheck, Clock, Megaphone, MessageSquareReply, StickyNote, UserRoundCog } from "lucide-react";
import { carrierErrorCategory } from "@/lib/messaging/carrier-errors";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { automationSourcesOf } from "@/db/queries/automation-result-links";
import { campaignSourcesOf } from "@/db/queries/campaigns";
import { requireSession } from "@/lib/auth/session";
import type { ThreadAssignment, ThreadAttachment, ThreadMessage, ThreadNote, ThreadPayment } from "@/lib/conversations/types";
import type { ThreadFile } from "@/lib/conversations/types";
import { carrierTimeWorthShowing } from "@/lib/conversations/carrier-time";
import { dismissOptOutHint, unsubscribeFlaggedCustomer } from "@/lib/compliance/actions";
import type { OptOutFlagView } from "@/lib/compliance/types";
import { FileList } from "./file-list";
import { OriginalToggle, TranslateIncoming } from "./message-extras";
import { NoteActions } from "./note-actions";
import { OptOutHint } from "./opt-out-hint";
import { PaymentCard } from "./payment-card";

type MessageRow = ThreadMessage;
type AssignmentRow = ThreadAssignment;
type NoteRow = ThreadNote;
type Attachment = ThreadAttachment;
type PaymentRequest = ThreadPayment;

type Item =
  | { at: Date; kind: "message"; row: MessageRow }
  | { at: Date; kind: "assignment"; row: AssignmentRow }
  | { at: Date; kind: "note"; row: NoteRow };

type Translator = Awaited<ReturnType<typeof getTranslations<"thread">>>;
/** The automation or campaign a message came from (CONV-8), by the result or recipient id it carries, and where it links. */
type MessageSource = { kind: "automation" | "campaign"; name: string; href: string };

const sourceIdsOf = (messages: MessageRow[], kinds: string[]) => [...new Set(messages.filter((row) => kinds.includes(row.message.sourceKind) && row.message.sourceId).map((row) => row.message.sourceId!))];

async function messageSources(messages: MessageRow[]): Promise<Map<string, MessageSource>> {
  const resultIds = sourceIdsOf(messages, ["automation", "keyword_reply"]);
  const recipientIds = sourceIdsOf(messages, ["campaign"]);
  if (resultIds.length === 0 && recipientIds.length === 0) return new Map();
  const { db, companyId } = await requireSession();
  const [automations, campaigns] = await Promise.all([automationSourcesOf(db, { companyId, resultIds }), campaignSourcesOf(db, { companyId, recipientIds })]);
  return new Map<string, MessageSource>([
    ...automations.map((source) => [source.resultId, { kind: "automation", name: source.automationName, href: `/automations/${source.automationId}?result=${source.resultId}` }] as const),
    ...campaigns.map((source) => [source.recipientId, { kind: "campaign", name: source.campaignName, href: `/campaigns/${source.campaignId}?recipient=${source.recipientId}` }] as const),
  ]);
}

const keyOf = (item: Item) => (item.kind === "message" ? item.row.message.id : item.kind === "note" ? item.row.note.id : item.row.id);
const asFiles = (rows: Attachment[]): ThreadFile[] => rows.map(({ id, fileName, contentType, sizeBytes }) => ({ id, fileName, contentType, sizeBytes }));

/** The conversation: messages, internal notes and assignment lines in time order, by day. */
export async function ThreadView({
  messages,
  assignments,
  notes,
  files,
  payments,
  optOutFlags = [],
  customerId,
  viewer,
  earlierHref = null,
}: {
  messages: MessageRow[];
  assignments: AssignmentRow[];
  notes: NoteRow[];
  files: Attachment[];
  payments: PaymentRequest[];
  /** Texts that may be opt-out requests, waiting for a staff member to decide. */
  optOutFlags?: OptOutFlagView[];
  customerId: string;
  viewer: { userId: string; canDeleteOthersNotes: boolean };
  /** Where "Load earlier messages" leads, when the thread has older messages than those shown. */
  earlierHref?: string | null;
}) {
  const t = await getTranslations("thread");
  const format = await getFormatter();
  const sources = await messageSources(messages);
  const items: Item[] = [
    ...messages.map((row) => ({ at: row.message.createdAt, kind: "message" as const, row })),
    ...assignments.map((row) => ({ at: row.createdAt, kind: "assignment" as const, row })),
    ...notes.map((row) => ({ at: row.note.createdAt, kind: "note" as const, row })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const filesOf = (owner: { messageId?: string; noteId?: string }) =>
    asFiles(files.filter((file) => (owner.messageId && file.messageId === owner.messageId) || (owner.noteId && file.noteId === owner.noteId)));
  const dayOf = (date: Date) => format.dateTime(date, { dateStyle: "full" });
  const timeOf = (date: Date) => format.dateTime(date, { hour: "numeric", minute: "2-digit" });
  const carrierTimeOf = (message: MessageRow["message"]) => {
    const sentAt = carrierTimeWorthShowing(message);
    if (!sentAt) return null;
    // A text delayed past midnight (or by days) names its day: "17:12" alone would read as today's.
    if (dayOf(sentAt) === dayOf(message.createdAt)) return t("sentByCarrier", { time: timeOf(sentAt) });
    return t("sentByCarrierOn", { when: format.dateTime(sentAt, { dateStyle: "medium", timeStyle: "short" }) });
  };

  return (
    <ol className="space-y-3 px-3 py-4 sm:px-6" data-testid="thread">
      {earlierHref ? (
        <li className="flex justify-center">
          <Link href={earlierHref} scroll={false} replace className="rounded-full bg-white px-3 py-1 text-xs font-medium text-brand-700 ring-1 ring-slate-200 hover:bg-slate-100" data-testid="load-earlier">
            {t("loadEarlier")}
          </Link>
        </li>
      ) : null}
      {items.length === 0 ? <li className="py-10 text-center text-sm text-slate-500">{t("empty")}</li> : null}
      {items.map((item, index) => {
        const day = dayOf(item.at);
        const divider = index === 0 || day !== dayOf(items[index - 1]!.at);
        return (
          <li key={keyOf(item)}>
            {divider ? (
              <div className="my-4 flex items-center gap-3 text-xs font-medium text-slate-400">
                <span className="h-px flex-1 bg-slate-200" />
                {day}
                <span className="h-px flex-1 bg-slate-200" />
              </div>
            ) : null}
            {item.kind === "assignment" ? (
              <p className="flex items-center justify-center gap-1.5 text-center text-xs text-slate-500" data-testid="assignment-line">
                <UserRoundCog className="h-3.5 w-3.5" aria-hidden />
                {t("assignedLine", {
                  time: format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" }),
                  assignee: item.row.toUserName ?? item.row.toTeamName ?? t("nobody"),
                  by: item.row.byUserName ?? "",
                  reason: item.row.reason ?? "manual",
                })}
              </p>
            ) : item.kind === "note" ? (
              <NoteBubble row={item.row} files={filesOf({ noteId: item.row.note.id })} customerId={customerId} t={t} time={timeOf(item.at)} canDelete={viewer.canDeleteOthersNotes || item.row.note.authorUserId === viewer.userId} />
            ) : (
              <MessageBubble row={item.row} files={filesOf({ messageId: item.row.message.id })} customerId={customerId} t={t} time={timeOf(item.at)} carrierTime={carrierTimeOf(item.row.message)} source={item.row.message.sourceId ? sources.get(item.row.message.sourceId) : undefined}>
                {payments
                  .filter((payment) => payment.messageId === item.row.message.id)
                  .map((payment) => (
                    <PaymentCard key={payment.id} payment={payment} />
                  ))}
                {optOutFlags
                  .filter((flag) => flag.messageId === item.row.message.id)
                  .map((flag) => (
                    <OptOutHint key={flag.id} flag={flag} unsubscribe={unsubscribeFlaggedCustomer} dismiss={dismissOptOutHint} />
                  ))}
              </MessageBubble>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function NoteBubble({ row, files, customerId, t, time, canDelete }: { row: NoteRow; files: ThreadFile[]; customerId: string; t: Translator; time: string; canDelete: boolean }) {
  return (
    <div className="mx-auto max-w-[92%] sm:max-w-[80%]" data-testid="note">
      <div className="rounded-xl bg-amber-50 px-3.5 py-2 text-sm shadow-sm ring-1 ring-amber-200">
        <p className="mb-1 flex items-center gap-1.5 text-xs font-medium text-amber-800">
          {row.authorName ? <Avatar name={row.authorName} src={row.authorPhotoUrl} size="xs" /> : <StickyNote className="h-3.5 w-3.5" aria-hidden />}
          {t("noteBy", { name: row.authorName ?? "—" })}
        </p>
        <p className="whitespace-pre-wrap text-slate-900">{row.note.body}</p>
        <FileList files={files} customerId={customerId} />
      </div>
      <div className="mt-1 flex items-center gap-2 px-1 text-[11px] text-slate-500">
        <span>{time}</span>
        <NoteActions noteId={row.note.id} authorName={row.authorName ?? ""} canDelete={canDelete} />
      </div>
    </div>
  );
}

const SOURCE_ICONS = { automation: Bot, campaign: Megaphone, scheduled: CalendarClock, keyword_reply: MessageSquareReply, system: Bot } as const;

function MessageBubble({ row, files, customerId, t, time, carrierTime, source, children }: { row: MessageRow; files: ThreadFile[]; customerId: string; t: Translator; time: string; carrierTime: string | null; source?: MessageSource; children?: ReactNode }) {
  const { message, senderName } = row;
  const outbound = message.direction === "outbound";
  const failed = message.status === "failed";
  const SourceIcon = message.sourceKind in SOURCE_ICONS ? SOURCE_ICONS[message.sourceKind as keyof typeof SOURCE_ICONS] : null;
  const sourceLabel = source
    ? t(source.kind === "campaign" ? "sentByCampaign" : message.sourceKind === "keyword_reply" ? "keywordReplyOf" : "sentByAutomation", { name: source.name })
    : message.sourceKind === "manual"
      ? senderName
      : message.sourceKind === "customer"
        ? null
        : message.sourceKind === "scheduled"
          ? `${t("source.scheduled")}${senderName ? ` · ${senderName}` : ""}`
          : t(`source.${message.sourceKind}`);
  // CONV-8: the result (recipient) this text belongs to, on its automation's (campaign's) page.
  const sourceHref = source?.href ?? null;
  return (
    <div className={cn("flex flex-col", outbound ? "items-end" : "items-start")} data-testid="message" data-direction={message.direction} data-status={message.status} data-source={message.sourceKind}>
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm whitespace-pre-wrap shadow-sm sm:max-w-[70%]",
          outbound ? "rounded-br-md bg-brand-600 text-white" : "rounded-bl-md bg-white text-slate-900 ring-1 ring-slate-200",
          failed && "bg-red-50 text-red-900 ring-1 ring-red-300",
        )}
      >
        {message.body}
      </div>
      <FileList files={files} customerId={customerId} align={outbound ? "end" : "start"} />
      {children}
      <div className={cn("mt-1 flex flex-wrap items-center gap-1.5 px-1 text-[11px] text-slate-500", outbound && "justify-end")}>
        <span>{time}</span>
        {carrierTime ? (
          <>
            <span aria-hidden>·</span>
            <span data-testid="carrier-time">{carrierTime}</span>
          </>
        ) : null}
        {sourceLabel ? (
          <>
            <span aria-hidden>·</span>
            {SourceIcon ? <SourceIcon className="h-3 w-3" aria-hidden /> : null}
            {sourceHref ? (
              <Link href={sourceHref} className="underline-offset-2 hover:underline" data-testid={`message-${source!.kind}-link`}>
                {sourceLabel}
              </Link>
            ) : (
              <span>{sourceLabel}</span>
            )}
          </>
        ) : null}
        {outbound ? (
          <>
            <span aria-hidden>·</span>
            <StatusIcon status={message.status} />
            <span>{t(`status.${message.status}`)}</span>
            {message.segments > 1 ? <span>· {t("segments", { count: message.segments })}</span> : null}
          </>
        ) : null}
      </div>
      {failed ? (
        <p className="mt-0.5 flex items-center gap-1 px-1 text-xs text-red-700" data-testid="carrier-error" title={message.errorText ?? undefined}>
          <AlertTriangle className="h-3.5 w-3.5" aria-hidden />
          {t(`carrierErrors.${t.has(`carrierErrors.${message.errorCode}`) ? message.errorCode : carrierErrorCategory(message.errorCode)}` as "carrierErrors.unknown")}
        </p>
      ) : null}
      {outbound && message.originalBody ? <OriginalToggle original={message.originalBody} language={message.originalLanguage} /> : null}
      {!outbound ? <TranslateIncoming messageId={message.id} translated={message.translatedBody} language={message.translatedLanguage} sourceLanguage={message.originalLanguage} /> : null}
    </div>
  );
}

function StatusIcon({ status }: { status: string }) {
  if (status === "delivered") return <CheckCheck className="h-3.5 w-3.5 text-emerald-600" aria-hidden />;
  if (status === "sent") return <Check className="h-3.5 w-3.5" aria-hidden />;
  if (status === "failed") return <AlertTriangle className="h-3.5 w-3.5 text-red-600" aria-hidden />;
  return <Clock className="h-3.5 w-3.5" aria-hidden />;
}
