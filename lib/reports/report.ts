import "server-only";
import { csvDocument } from "@/lib/http/csv";
import { addDays, format } from "date-fns";
import { TZDate } from "@date-fns/tz";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { reportIndicators, reportMessagesPerDay, reportTeamBreakdown, reportUserBreakdown, type DailyMessages, type StaffBreakdownRow } from "@/db/queries/reports";
import type { Locale } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { throwIfNoPermission } from "@/lib/auth/permissions";
import { translatorFor } from "@/lib/i18n/translator";
import { resolveReportRange, type Period, type ReportRange } from "./range";

export type Report = Awaited<ReturnType<typeof companyReport>>;

async function companySettings({ db, companyId }: ActionContext) {
  const company = await findCompany(db, { companyId });
  if (!company) throw new NotFoundError();
  return company;
}

/** Every day of the period, with zeroes for days without messages (the chart's x axis). */
function fillDays(period: Period, timeZone: string, rows: DailyMessages[]): DailyMessages[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const [year, month, date] = period.fromDay.split("-").map(Number);
  const first = new TZDate(year!, month! - 1, date!, timeZone);
  return Array.from({ length: period.days }, (_, i) => {
    const day = format(addDays(first, i), "yyyy-MM-dd");
    return byDay.get(day) ?? { day, inbound: 0, outbound: 0 };
  });
}

/** The dashboard for the signed-in company: the range's figures, the previous period's, and the breakdowns. */
export async function loadReport(context: ActionContext, rawRange: unknown, now = new Date()) {
  throwIfNoPermission(context, "seeReports");
  const company = await companySettings(context);
  return companyReport(context.db, company, resolveReportRange(rawRange, company.timezone, now), now);
}

type ReportCompany = Pick<NonNullable<Awaited<ReturnType<typeof findCompany>>>, "id" | "timezone" | "currency" | "unansweredAfterHours" | "businessHours">;

/** One company's figures for a range (what the dashboard shows and the weekly email sends). */
export async function companyReport(db: Db, company: ReportCompany, range: ReportRange, now = new Date()) {
  const companyId = company.id;
  const clock = { timeZone: company.timezone, businessHours: company.businessHours };
  const scope = { companyId, from: range.current.from, to: range.current.to, ...clock };
  const unansweredAfterHours = company.unansweredAfterHours;
  const [current, previous, daily, users, teams] = await Promise.all([
    reportIndicators(db, { ...scope, unansweredAfterHours, now }),
    reportIndicators(db, { ...scope, from: range.previous.from, to: range.previous.to, unansweredAfterHours, now }),
    reportMessagesPerDay(db, scope),
    reportUserBreakdown(db, scope),
    reportTeamBreakdown(db, scope),
  ]);
  return { range, currency: company.currency, timeZone: company.timezone, current, previous, daily: fillDays(range.current, company.timezone, daily), users, teams };
}

export const REPORT_TABLES = ["indicators", "users", "teams", "daily"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

const seconds = (value: number | null) => (value === null ? "" : Math.round(value));

function staffCsv(rows: StaffBreakdownRow[], t: ReturnType<typeof translatorFor>, nameHeader: string) {
  return [[nameHeader, t("reports.columns.messagesSent"), t("reports.columns.conversationsClosed"), t("reports.columns.firstResponseSeconds")], ...rows.map((row) => [row.name, row.messagesSent, row.conversationsClosed, seconds(row.firstResponseMedianSeconds)])];
}

function indicatorsCsv(report: Report, t: ReturnType<typeof translatorFor>) {
  const { current, previous } = report;
  const keys = Object.keys(current) as (keyof typeof current)[];
  const rows = keys.flatMap((key): (string | number)[][] => {
    if (key === "reviewsDistribution") return current[key].map((value, i) => [t("reports.csv.reviewsRated", { stars: i + 1 }), value, previous[key][i]!]);
    return [[t(`reports.csv.indicator.${key}`), current[key] ?? "", previous[key] ?? ""]];
  });
  return [[t("reports.columns.indicator"), periodLabel(report.range.current), periodLabel(report.range.previous)], ...rows];
}

const periodLabel = (period: Period) => `${period.fromDay} – ${period.toDay}`;

/** One of the dashboard's tables as CSV in the reader's language (formulas neutralised, BOM for Excel). */
export function reportCsv(report: Report, table: ReportTable, locale: Locale): string {
  const t = translatorFor(locale);
  const rows =
    table === "indicators"
      ? indicatorsCsv(report, t)
      : table === "users"
        ? staffCsv(report.users, t, t("reports.columns.user"))
        : table === "teams"
          ? staffCsv(report.teams, t, t("reports.columns.team"))
          : [[t("reports.columns.day"), t("reports.columns.inbound"), t("reports.columns.outbound")], ...report.daily.map((row) => [row.day, row.inbound, row.outbound])];
  return csvDocument(rows);
}

export function reportCsvFileName(range: ReportRange, table: ReportTable) {
  return `parley-${table}-${range.current.fromDay}-${range.current.toDay}.csv`;
}
