import type { Locale } from "@/db/schema";
import { translatorFor, type Translator } from "@/lib/i18n/translator";
import { percentChange } from "../range";
import type { Report } from "../report";
import { reportFormats } from "./format";
import type { FigureLine, ReportEmailContent, Tone } from "./report-email";

/** Which way is good news: up (more confirmed), down (faster replies), or neither (volume). */
type Better = "up" | "down" | null;

/** "↑ 20 % · better": the direction of change, and whether that is good, in words as well as colour. */
function changeNote(t: Translator, percent: (value: number) => string, current: number | null, previous: number | null, better: Better): { note: string; tone: Tone } {
  if (current === null || previous === null) return { note: t("reportEmails.change.noComparison"), tone: "neutral" };
  const change = percentChange(current, previous);
  if (current === previous || (change !== null && Math.round(change * 100) === 0)) return { note: `= ${t("reportEmails.change.same")}`, tone: "neutral" };
  const direction = current > previous ? "up" : "down";
  const tone: Tone = better === null ? "neutral" : direction === better ? "good" : "bad";
  const arrow = direction === "up" ? "↑" : "↓";
  // From zero there is no percentage, only the direction.
  const amount = change === null ? arrow : `${arrow} ${percent(Math.abs(change))}`;
  if (tone === "neutral") return { note: amount, tone };
  const verdict = t(tone === "good" ? "reportEmails.change.better" : "reportEmails.change.worse");
  return { note: change === null ? `${amount} ${verdict}` : `${amount} · ${verdict}`, tone };
}

/** The weekly progress email (PLAT-3) for one reader: last week's key figures against the week before, messages per day, per user. */
export function weeklyProgressEmail({ locale, companyName, report, appUrl, unsubscribeHref }: { locale: Locale; companyName: string; report: Report; appUrl: string; unsubscribeHref: string }): ReportEmailContent {
  const t = translatorFor(locale);
  const f = reportFormats(t, locale, report.currency);
  const { current, previous, range } = report;
  const line = (id: string, show: (value: number | null) => string, now: number | null, before: number | null, better: Better, extra?: string): FigureLine => ({
    id,
    label: t(`reportEmails.weekly.figures.${id}` as "reportEmails.weekly.figures.conversationsOpened"),
    detail: [extra, t("reportEmails.weekly.weekBefore", { value: show(before) })].filter(Boolean).join(" · "),
    value: show(now),
    ...changeNote(t, f.percent, now, before, better),
  });
  const lines = [
    line("conversationsOpened", f.count, current.conversationsOpened, previous.conversationsOpened, null),
    line("conversationsClosed", f.count, current.conversationsClosed, previous.conversationsClosed, "up"),
    line("messagesIn", f.count, current.messagesIn, previous.messagesIn, null),
    line("messagesOut", f.count, current.messagesOut, previous.messagesOut, null),
    line("firstResponseMedian", f.duration, current.firstResponseMedianSeconds, previous.firstResponseMedianSeconds, "down"),
    line("unanswered", f.count, current.unansweredConversations, previous.unansweredConversations, "down"),
    line("appointmentsConfirmed", f.count, current.appointmentsConfirmed, previous.appointmentsConfirmed, "up"),
    line("noShowRate", f.rate, current.noShowRate, previous.noShowRate, "down"),
    line("payments", f.money, current.paymentsTotalCents, previous.paymentsTotalCents, "up", t("reportEmails.weekly.paymentsCount", { count: current.paymentsCount })),
    line("reviewsAverage", f.average, current.reviewsAverage, previous.reviewsAverage, "up", t("reportEmails.weekly.reviewsCount", { count: current.reviewsCount })),
    line("optOuts", f.count, current.optOuts, previous.optOuts, "down"),
  ];
  const busiestDay = Math.max(1, ...report.daily.map((day) => day.inbound + day.outbound));
  const mostSent = Math.max(1, ...report.users.map((user) => user.messagesSent));
  const dates = { from: f.day(range.current.fromDay), to: f.day(range.current.toDay) };
  return {
    locale,
    subject: t("reportEmails.weekly.subject", { company: companyName, ...dates }),
    heading: t("reportEmails.weekly.heading", { company: companyName }),
    intro: t("reportEmails.weekly.intro", { ...dates, previousFrom: f.day(range.previous.fromDay), previousTo: f.day(range.previous.toDay) }),
    blocks: [
      { type: "figures", heading: t("reportEmails.weekly.indicators"), lines },
      {
        type: "bars",
        heading: t("reportEmails.weekly.daily"),
        lines: report.daily.map((day) => ({ id: day.day, label: f.day(day.day, { weekday: true }), share: (day.inbound + day.outbound) / busiestDay, value: f.count(day.inbound + day.outbound) })),
      },
      {
        type: "table",
        heading: t("reportEmails.weekly.users"),
        columns: [t("reportEmails.weekly.columns.user"), t("reportEmails.weekly.columns.sent"), t("reportEmails.weekly.columns.closed"), t("reportEmails.weekly.columns.response")],
        rows: report.users.map((user) => ({ id: user.id, name: user.name, share: user.messagesSent / mostSent, cells: [f.count(user.messagesSent), f.count(user.conversationsClosed), f.duration(user.firstResponseMedianSeconds)] })),
        empty: t("reportEmails.weekly.noUsers"),
      },
    ],
    action: { label: t("reportEmails.weekly.action"), href: `${appUrl}/reports?range=last_week` },
    footer: { reason: t("reportEmails.weekly.reason"), unsubscribe: { href: unsubscribeHref, label: t("reportEmails.unsubscribe") } },
  };
}
