import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/db/client";
import { claimReportEmail, listCompaniesForReportEmails, listPaymentsCollected, listReportEmailCandidates, markReportEmailSent, releaseReportEmail } from "@/db/queries/report-emails";
import type { ReportEmailKind } from "@/db/schema";
import { defaultMailer, type Mailer } from "@/lib/email/mailer";
import { renderEmail } from "@/lib/email/templates/render";
import { env } from "@/lib/env";
import { wantsNotification } from "@/lib/notifications/preferences";
import { oneClickUnsubscribeHeaders, unsubscribeUrl } from "@/lib/notifications/unsubscribe";
import { companyReport } from "../report";
import { dailyDepositsEmail } from "./daily-deposits";
import { ReportEmail, type ReportEmailContent } from "./report-email";
import { dueDailyReport, dueWeeklyReport } from "./schedule";
import { weeklyProgressEmail } from "./weekly-progress";

export type ReportEmailOptions = {
  mailer?: Mailer;
  appUrl?: string;
  /** Only this company (the dev trigger). */
  companyId?: string;
  /** Do not wait for 07:00 (or Monday): the dev trigger, to see the emails now. */
  anyTime?: boolean;
};

type Company = Awaited<ReturnType<typeof listCompaniesForReportEmails>>[number];
type Recipient = Awaited<ReturnType<typeof listReportEmailCandidates>>[number];

const PREFERENCE = { weekly_progress: "report.weekly_progress", daily_deposits: "report.daily_deposits" } as const;

/**
 * The sweep body (cron and in-process timer): every company whose local Monday 07:00 (weekly)
 * or 07:00 (daily) has passed gets the emails not yet sent for that period. Returns how many left.
 */
export async function sendDueReportEmails(db: Db, now: Date, options: ReportEmailOptions = {}) {
  const settings = { mailer: options.mailer ?? defaultMailer(), appUrl: options.appUrl ?? env().APP_URL, anyTime: options.anyTime ?? false };
  let weekly = 0;
  let daily = 0;
  for (const company of await listCompaniesForReportEmails(db, { companyId: options.companyId })) {
    weekly += await sendWeeklyProgress(db, company, now, settings);
    daily += await sendDailyDeposits(db, company, now, settings);
  }
  return { weekly, daily };
}

type Settings = { mailer: Mailer; appUrl: string; anyTime: boolean };

async function sendWeeklyProgress(db: Db, company: Company, now: Date, settings: Settings) {
  if (!company.weeklyReportEnabled) return 0;
  const range = dueWeeklyReport(company.timezone, now, settings);
  if (!range) return 0;
  const periodStart = range.current.fromDay;
  const recipients = await recipientsFor(db, company.id, "weekly_progress", periodStart);
  if (!recipients.length) return 0;
  const report = await companyReport(db, company, range, now);
  return sendEach(db, { company, kind: "weekly_progress", periodStart, recipients, settings }, (user) =>
    weeklyProgressEmail({ locale: user.language, companyName: company.name, report, appUrl: settings.appUrl, unsubscribeHref: unsubscribeUrl(settings.appUrl, user.id, ["reports"]) }),
  );
}

/** Skipped after a day without payments: nothing to reconcile, and a daily "nothing" trains people to ignore it. */
async function sendDailyDeposits(db: Db, company: Company, now: Date, settings: Settings) {
  const day = dueDailyReport(company.timezone, now, settings);
  if (!day) return 0;
  const recipients = await recipientsFor(db, company.id, "daily_deposits", day.fromDay);
  if (!recipients.length) return 0;
  const payments = await listPaymentsCollected(db, { companyId: company.id, from: day.from, to: day.to });
  if (!payments.length) return 0;
  return sendEach(db, { company, kind: "daily_deposits", periodStart: day.fromDay, recipients, settings }, (user) =>
    dailyDepositsEmail({ locale: user.language, companyName: company.name, currency: company.currency, timeZone: company.timezone, day: day.fromDay, payments, appUrl: settings.appUrl, unsubscribeHref: unsubscribeUrl(settings.appUrl, user.id, ["reports"]) }),
  );
}

async function recipientsFor(db: Db, companyId: string, kind: ReportEmailKind, periodStart: string) {
  const candidates = await listReportEmailCandidates(db, { companyId, kind, periodStart });
  // The figures and payments are this company's: only its members who may see reports, however their (cross-company) preferences are set.
  return candidates.filter((user) => can(user, "seeReports") && wantsNotification({ role: user.role, preferences: user.preferences }, PREFERENCE[kind], "email"));
}

/** Row first: a user's email goes only after their row is inserted, so a second or concurrent run skips them. */
async function sendEach(
  db: Db,
  { company, kind, periodStart, recipients, settings }: { company: Company; kind: ReportEmailKind; periodStart: string; recipients: Recipient[]; settings: Settings },
  contentFor: (user: Recipient) => ReportEmailContent,
) {
  let sent = 0;
  for (const user of recipients) {
    const rowId = await claimReportEmail(db, { companyId: company.id, userId: user.id, kind, periodStart });
    if (!rowId) continue;
    try {
      const content = contentFor(user);
      const { html, text } = await renderEmail(ReportEmail(content));
      await settings.mailer.send({ to: user.email, subject: content.subject, html, text, headers: oneClickUnsubscribeHeaders(content.footer.unsubscribe!.href) });
      await markReportEmailSent(db, { companyId: company.id, id: rowId, at: new Date() });
      sent++;
    } catch (error) {
      console.error(`[report-emails] ${kind} to ${user.id} failed`, error);
      await releaseReportEmail(db, { companyId: company.id, id: rowId });
    }
  }
  return sent;
}
