import {
  CalendarDays,
  CircleDollarSign,
  Download,
  FileText,
  Inbox,
  MessagesSquare,
  Star,
  StickyNote,
  Wrench,
  type LucideIcon,
} from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/page-header";
import type { AttributeDefinition } from "@/lib/attributes/types";
import { attributeText, formattedAttributeText, type MoneyFormat } from "@/lib/customers/display";
import type { ProfileTab, TimelineItem } from "@/lib/customers/types";
import { utcToZonedLocal } from "@/lib/time";
import { AppointmentDialog, AppointmentStatusSelect } from "@/components/customers/appointment-dialog";
import { ReminderProblemLink } from "@/components/automations/reminder-problem";
import type { ReminderProblem } from "@/lib/automations/reminder-problems";
import { ProfileNoteForm } from "./profile-note-form";

type Definition = AttributeDefinition;
type Translate = Awaited<ReturnType<typeof getTranslations<"customers.profile">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;
type RenderContext = {
  t: Translate;
  format: Format;
  appointmentDefinitions: Definition[];
  eventDefinitions: Definition[];
  timeZone: string;
  currency: string;
  locale: string;
  customerId: string;
  full: boolean;
  reminderProblems: Map<string, ReminderProblem>;
};

const STATUS_TONE = { scheduled: "brand", confirmed: "green", cancelled: "red", no_show: "orange", completed: "neutral" } as const;
const INVOICE_TONE = { pending: "yellow", paid: "green", cancelled: "neutral", failed: "red" } as const;
const ESTIMATE_TONE = { draft: "neutral", sent: "brand", approved: "green", refused: "red" } as const;

function Row({ icon: Icon, tone = "bg-slate-100 text-slate-500", title, meta, aside, children, testId }: { icon: LucideIcon; tone?: string; title: ReactNode; meta?: ReactNode; aside?: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <li className="flex gap-3 px-4 py-3.5 sm:px-5" data-testid={testId}>
      <span className={`mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-full ${tone}`}>
        <Icon className="h-4 w-4" aria-hidden />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-900">{title}</p>
            {meta ? <p className="text-sm text-slate-500">{meta}</p> : null}
          </div>
          {aside ? <div className="flex shrink-0 items-center gap-1.5">{aside}</div> : null}
        </div>
        {children}
      </div>
    </li>
  );
}

function Attributes({ values, definitions, format, money }: { values: Record<string, unknown>; definitions: Definition[]; format: Format; money: MoneyFormat }) {
  const entries = Object.entries(values).filter(([, value]) => attributeText(value) !== null);
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-1">
          <dt>{definitions.find((d) => d.key === key)?.label ?? key.replace(/_/g, " ")}:</dt>
          <dd className="text-slate-700 tabular-nums">{formattedAttributeText(value, definitions.find((d) => d.key === key)?.type, format, money)}</dd>
        </div>
      ))}
    </dl>
  );
}

const money = (format: Format, cents: number, currency: string) => format.number(cents / 100, { style: "currency", currency });

function renderItem(item: TimelineItem, { t, format, appointmentDefinitions, eventDefinitions, timeZone, currency, locale, customerId, full, reminderProblems }: RenderContext) {
  switch (item.kind) {
    case "conversation": {
      const row = item.row;
      return (
        <Row
          key={`c-${row.id}`}
          icon={MessagesSquare}
          tone="bg-brand-50 text-brand-600"
          title={<Link href={`/conversations/${row.id}`} className="hover:underline">{row.archived ? t("archivedConversation") : t("activeConversation")}</Link>}
          meta={t("lastActivity", { date: format.dateTime(row.lastActivityAt, { dateStyle: "medium", timeStyle: "short" }) })}
          aside={<Badge tone={row.archived ? "neutral" : row.status === "open" ? "green" : "neutral"}>{row.archived ? t("archived") : t(`conversationStatus.${row.status}`)}</Badge>}
          testId="profile-conversation"
        >
          {row.lastMessagePreview ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{row.lastMessagePreview}</p> : null}
        </Row>
      );
    }
    case "appointment": {
      const row = item.row;
      const local = utcToZonedLocal(row.startAt, timeZone);
      return (
        <Row
          key={`a-${row.id}`}
          icon={CalendarDays}
          tone="bg-violet-50 text-violet-600"
          title={row.type || t("appointment")}
          meta={`${format.dateTime(row.startAt, { dateStyle: "full", timeStyle: "short" })} · ${t("minutes", { count: row.durationMinutes })}`}
          aside={
            full ? (
              <>
                <AppointmentStatusSelect id={row.id} status={row.status} />
                <AppointmentDialog
                  customerId={customerId}
                  definitions={appointmentDefinitions}
                  defaultDate={local.slice(0, 10)}
                  appointment={{ id: row.id, date: local.slice(0, 10), time: local.slice(11, 16), durationMinutes: row.durationMinutes, type: row.type, attributes: row.attributes }}
                />
              </>
            ) : (
              <Badge tone={STATUS_TONE[row.status]}>{t(`appointmentStatus.${row.status}`)}</Badge>
            )
          }
          testId="profile-appointment"
        >
          <Attributes values={row.attributes} definitions={appointmentDefinitions} format={format} money={{ currency, locale }} />
          {reminderProblems.has(row.id) ? <ReminderProblemLink problem={reminderProblems.get(row.id)!} className="mt-1.5" /> : null}
        </Row>
      );
    }
    case "event": {
      const row = item.row;
      return (
        <Row
          key={`e-${row.id}`}
          icon={Wrench}
          tone="bg-sky-50 text-sky-600"
          title={row.number ? t("repairOrder", { number: row.number }) : row.title || t("event")}
          meta={[row.number ? row.title : null, format.dateTime(row.occurredAt, { dateStyle: "medium" })].filter(Boolean).join(" · ")}
          aside={<Badge>{t.has(`eventStatus.${row.status}`) ? t(`eventStatus.${row.status}` as "eventStatus.open") : row.status}</Badge>}
          testId="profile-event"
        >
          <Attributes values={row.attributes} definitions={eventDefinitions} format={format} money={{ currency, locale }} />
        </Row>
      );
    }
    case "invoice": {
      const row = item.row;
      return (
        <Row
          key={`i-${row.id}`}
          icon={CircleDollarSign}
          tone="bg-emerald-50 text-emerald-600"
          title={`${money(format, row.amountCents, row.currency)} · ${row.reference}`}
          meta={
            row.paidAt
              ? t("paidOn", { date: format.dateTime(row.paidAt, { dateStyle: "medium", timeStyle: "short" }) })
              : t("requestedOn", { date: format.dateTime(row.createdAt, { dateStyle: "medium" }) })
          }
          aside={
            <>
              <Badge tone={INVOICE_TONE[row.status]} data-testid="invoice-status">
                {t(`invoiceStatus.${row.status}`)}
              </Badge>
              {row.status === "paid" ? (
                <a href={`/api/payments/${row.id}/receipt`} className="inline-flex items-center gap-1 rounded-lg px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
                  <Download className="h-4 w-4" aria-hidden />
                  {t("receipt")}
                </a>
              ) : null}
            </>
          }
          testId="profile-invoice"
        />
      );
    }
    case "note": {
      const row = item.row;
      return (
        <Row
          key={`n-${row.id}`}
          icon={StickyNote}
          tone="bg-amber-50 text-amber-600"
          title={row.authorName ?? t("automation")}
          meta={format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
          aside={row.conversationId ? <Link href={`/conversations/${row.conversationId}`} className="text-xs text-brand-700 hover:underline">{t("inConversation")}</Link> : null}
        >
          <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{row.body}</p>
        </Row>
      );
    }
    case "estimate": {
      const row = item.row;
      return (
        <Row
          key={`s-${row.id}`}
          icon={FileText}
          title={t("estimate", { number: row.number })}
          meta={[row.amountCents !== null ? money(format, row.amountCents, currency) : null, format.dateTime(row.createdAt, { dateStyle: "medium" })].filter(Boolean).join(" · ")}
          aside={<Badge tone={ESTIMATE_TONE[row.status]}>{t(`estimateStatus.${row.status}`)}</Badge>}
        />
      );
    }
    case "review": {
      const row = item.row;
      return (
        <Row
          key={`r-${row.id}`}
          icon={Star}
          tone="bg-yellow-50 text-yellow-600"
          title={
            row.rating ? (
              <span className="inline-flex items-center gap-0.5" aria-label={t("rating", { rating: row.rating })} data-testid="review-rating">
                {[1, 2, 3, 4, 5].map((n) => (
                  <Star key={n} className={`h-4 w-4 ${n <= row.rating! ? "fill-yellow-400 text-yellow-400" : "text-slate-300"}`} aria-hidden />
                ))}
              </span>
            ) : (
              t("reviewRequested")
            )
          }
          meta={[t(`reviewSource.${row.source}`), format.dateTime(row.submittedAt ?? row.createdAt, { dateStyle: "medium", timeStyle: "short" })].join(" · ")}
          testId="profile-review"
        >
          {row.comment ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">“{row.comment}”</p> : null}
        </Row>
      );
    }
  }
}

/** CUST-6: the selected tab of the profile, server-rendered. */
export async function ProfileTabContent({
  tab,
  customerId,
  items,
  appointmentDefinitions,
  eventDefinitions,
  timeZone,
  currency,
  reminderProblems,
}: {
  tab: ProfileTab;
  customerId: string;
  items: TimelineItem[];
  appointmentDefinitions: Definition[];
  eventDefinitions: Definition[];
  timeZone: string;
  currency: string;
  /** Automation texts about these appointments that did not reach the customer. */
  reminderProblems: Map<string, ReminderProblem>;
}) {
  const t = await getTranslations("customers.profile");
  const format = await getFormatter();
  const context: RenderContext = { t, format, appointmentDefinitions, eventDefinitions, timeZone, currency, locale: await getLocale(), customerId, full: tab !== "all", reminderProblems };
  return (
    <div className="space-y-4">
      {tab === "notes" ? <ProfileNoteForm customerId={customerId} /> : null}
      <Card className="overflow-hidden">
        {items.length === 0 ? (
          <EmptyState icon={<Inbox className="h-6 w-6" />} title={t(`empty.${tab}`)} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid={`profile-${tab}`}>
            {items.map((item) => renderItem(item, context))}
          </ul>
        )}
      </Card>
    </div>
  );
}
