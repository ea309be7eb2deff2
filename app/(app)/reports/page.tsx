import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { rangeSearchParams } from "@/lib/reports/range";
import { loadReport, type Report, type ReportTable } from "@/lib/reports/report";
import { BreakdownTable, CsvLink, ReportSection } from "./breakdown-table";
import { MessagesPerDayChart, ReviewsChart } from "./charts";
import { FigureCard, type Figure } from "./figure-card";
import { RangePicker } from "./range-picker";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("reports") };
}

/** Managers' dashboard (issue 15): the period's figures against the previous period, charts, breakdowns. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePermission("seeReports");
  const { company } = session;
  const report = await loadReport(session, await searchParams);
  const [t, format] = await Promise.all([getTranslations("reports"), getFormatter()]);
  const { range, current } = report;
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const csvHref = (table: ReportTable) => `/api/reports/csv?${new URLSearchParams({ table, ...rangeSearchParams(range) })}`;
  const count = (value: number | null) => (value === null ? t("noValue") : format.number(value));
  const duration = (seconds: number | null) => {
    if (seconds === null) return t("noValue");
    const one = (value: number) => format.number(value, { maximumFractionDigits: 1 });
    if (seconds < 90) return t("duration.seconds", { value: one(seconds) });
    if (seconds < 90 * 60) return t("duration.minutes", { value: one(seconds / 60) });
    return t("duration.hours", { value: one(seconds / 3600) });
  };
  const figures = sections(report, t, { count, duration, money: (cents) => (cents === null ? t("noValue") : format.number(cents / 100, { style: "currency", currency: report.currency })), rate: (value) => (value === null ? t("noValue") : format.number(value, { style: "percent", maximumFractionDigits: 1 })), average: (value) => (value === null ? t("noValue") : format.number(value, { maximumFractionDigits: 2 })) }, company.unansweredAfterHours);
  const quiet = isEmpty(report);
  const staffHeaders = (first: string) => [first, t("columns.messagesSent"), t("columns.conversationsClosed"), t("columns.firstResponse")];
  const staffRows = (rows: Report["users"]) => rows.map((row) => ({ id: row.id, name: row.name, cells: [count(row.messagesSent), count(row.conversationsClosed), duration(row.firstResponseMedianSeconds)] }));
  return (
    <div className="pb-10">
      <PageHeader
        title={t("title")}
        description={t("description", { from: day(range.current.fromDay), to: day(range.current.toDay), previousFrom: day(range.previous.fromDay), previousTo: day(range.previous.toDay) })}
        actions={<CsvLink href={csvHref("indicators")} label={t("exportCsvLabel", { table: t("tables.indicators") })} />}
      />
      <div className="space-y-6 px-4 sm:px-6 lg:px-8">
        <RangePicker key={`${range.preset}-${range.current.fromDay}-${range.current.toDay}`} preset={range.preset} fromDay={range.current.fromDay} toDay={range.current.toDay} />
        {quiet ? (
          <Card data-testid="reports-empty">
            <EmptyState icon={<BarChart3 className="h-6 w-6" />} title={t("empty.title")} description={t("empty.description")} />
          </Card>
        ) : (
          <>
            <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-3">
              {figures.map((section) => (
                <Card key={section.id}>
                  <section aria-labelledby={`report-section-${section.id}`}>
                    <h2 id={`report-section-${section.id}`} className="px-4 pt-3 text-sm font-semibold text-slate-700">
                      {section.title}
                    </h2>
                    <ul className={section.figures.length === 3 ? "grid grid-cols-2 sm:grid-cols-3" : "grid grid-cols-2"}>
                      {section.figures.map((figure) => (
                        <FigureCard key={figure.id} figure={figure} />
                      ))}
                    </ul>
                  </section>
                </Card>
              ))}
            </div>
            <div className="grid gap-6 lg:grid-cols-3">
              <ReportSection title={t("charts.messagesPerDay")} csvHref={csvHref("daily")} testId="report-daily" className="lg:col-span-2">
                <CardBody>
                  <MessagesPerDayChart data={report.daily} />
                </CardBody>
              </ReportSection>
              <ReportSection title={t("charts.reviewsDistribution")} testId="report-reviews">
                <CardBody>{current.reviewsCount ? <ReviewsChart distribution={current.reviewsDistribution} /> : <p className="text-sm text-slate-500">{t("charts.noReviews")}</p>}</CardBody>
              </ReportSection>
            </div>
          </>
        )}
        <ReportSection title={t("tables.users")} csvHref={csvHref("users")} testId="report-users">
          <BreakdownTable headers={staffHeaders(t("columns.user"))} rows={staffRows(report.users)} empty={t("tables.noUsers")} testId="report-users-table" />
        </ReportSection>
        <ReportSection title={t("tables.teams")} csvHref={csvHref("teams")} testId="report-teams">
          <BreakdownTable headers={staffHeaders(t("columns.team"))} rows={staffRows(report.teams)} empty={t("tables.noTeams")} testId="report-teams-table" />
        </ReportSection>
      </div>
    </div>
  );
}

type Show = (value: number | null) => string;
type Shows = { count: Show; duration: Show; money: Show; rate: Show; average: Show };
type Translate = Awaited<ReturnType<typeof getTranslations<"reports">>>;

function sections({ current: c, previous: p }: Report, t: Translate, show: Shows, unansweredAfterHours: number) {
  const figure = (id: keyof Report["current"] & string, label: string, how: Show, extra: Partial<Figure> = {}): Figure => ({
    id,
    label,
    current: c[id] as number | null,
    previous: p[id] as number | null,
    show: how,
    ...extra,
  });
  return [
    { id: "conversations", title: t("sections.conversations"), figures: [figure("conversationsOpened", t("cards.opened"), show.count), figure("conversationsClosed", t("cards.closed"), show.count), figure("unansweredConversations", t("cards.unanswered"), show.count, { hint: t("cards.unansweredHint", { hours: unansweredAfterHours }), lowerIsBetter: true })] },
    { id: "messages", title: t("sections.messages"), figures: [figure("messagesIn", t("cards.in"), show.count), figure("messagesOut", t("cards.out"), show.count), figure("optOuts", t("cards.optOuts"), show.count, { lowerIsBetter: true })] },
    { id: "response", title: t("sections.response"), figures: [figure("firstResponseMedianSeconds", t("cards.median"), show.duration, { lowerIsBetter: true }), figure("firstResponseP90Seconds", t("cards.p90"), show.duration, { lowerIsBetter: true })] },
    { id: "appointments", title: t("sections.appointments"), figures: [figure("appointmentsConfirmed", t("cards.confirmed"), show.count), figure("appointmentsCancelled", t("cards.cancelled"), show.count, { lowerIsBetter: true }), figure("noShowRate", t("cards.noShowRate"), show.rate, { hint: t("cards.noShowHint", { count: c.appointmentsNoShow }), lowerIsBetter: true })] },
    { id: "automations", title: t("sections.automations"), figures: [figure("automationSent", t("cards.sent"), show.count), figure("automationReplied", t("cards.replied"), show.count), figure("automationConfirmed", t("cards.confirmed"), show.count)] },
    { id: "campaigns", title: t("sections.campaigns"), figures: [figure("campaignSent", t("cards.sent"), show.count), figure("campaignReplied", t("cards.replied"), show.count), figure("campaignOptedOut", t("cards.optedOut"), show.count, { lowerIsBetter: true })] },
    { id: "payments", title: t("sections.payments"), figures: [figure("paymentsCount", t("cards.collected"), show.count), figure("paymentsTotalCents", t("cards.total"), show.money)] },
    { id: "reviews", title: t("sections.reviews"), figures: [figure("reviewsCount", t("cards.count"), show.count), figure("reviewsAverage", t("cards.average"), show.average)] },
  ];
}

/** Nothing happened in the period: an empty state instead of a wall of zeroes. */
function isEmpty({ current }: Report) {
  return Object.values(current).every((value) => value === null || value === 0 || (Array.isArray(value) && value.every((n) => n === 0)));
}
