import Papa from "papaparse";
import { reportIndicators } from "@/db/queries/reports";
import { zonedLocalToUtc } from "@/lib/time";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser } from "@/tests/factories";
import { createReportFixture, REPORT_TZ, type ReportFixture } from "@/tests/report-fixture";
import { loadReport, reportCsv } from "./report";

const database = withTestDatabase();
const TZ = REPORT_TZ;
/** Wednesday of the week after the change back to standard time (Sunday 2026-11-01, 2 a.m.). */
const NOW = zonedLocalToUtc("2026-11-04T12:00", TZ);
const at = (local: string) => zonedLocalToUtc(local, TZ);

let fixture: ReportFixture;

beforeAll(async () => {
  fixture = await createReportFixture(database.db);
});

describe("reports dashboard", () => {
  it("computes every indicator of last week in the company's time zone, across the change to standard time", async () => {
    const { company, alice } = fixture;
    const report = await loadReport(contextFor(database.db, alice, company.id), { range: "last_week" }, NOW);
    expect(report.range.current).toEqual({ fromDay: "2026-10-26", toDay: "2026-11-01", from: new Date("2026-10-26T04:00:00Z"), to: new Date("2026-11-02T05:00:00Z"), days: 7 });
    expect(report.current).toEqual({
      conversationsOpened: 2,
      conversationsClosed: 2,
      messagesIn: 5,
      messagesOut: 5,
      firstResponseMedianSeconds: 1200,
      firstResponseP90Seconds: 17_520,
      unansweredConversations: 2,
      appointmentsConfirmed: 2,
      appointmentsCancelled: 1,
      appointmentsNoShow: 1,
      noShowRate: 0.25,
      automationSent: 3,
      automationReplied: 2,
      automationConfirmed: 1,
      campaignSent: 2,
      campaignReplied: 1,
      campaignOptedOut: 1,
      paymentsCount: 2,
      paymentsTotalCents: 38_995,
      reviewsCount: 4,
      reviewsAverage: 3.75,
      reviewsDistribution: [1, 0, 0, 1, 2],
      optOuts: 2,
    });
    expect(report.daily).toEqual([
      { day: "2026-10-26", inbound: 0, outbound: 1 },
      { day: "2026-10-27", inbound: 3, outbound: 3 },
      { day: "2026-10-28", inbound: 0, outbound: 0 },
      { day: "2026-10-29", inbound: 1, outbound: 1 },
      { day: "2026-10-30", inbound: 0, outbound: 0 },
      { day: "2026-10-31", inbound: 0, outbound: 0 },
      { day: "2026-11-01", inbound: 1, outbound: 0 },
    ]);
  });

  it("compares with the week before, of as many days", async () => {
    const { company, alice } = fixture;
    const report = await loadReport(contextFor(database.db, alice, company.id), { range: "last_week" }, NOW);
    expect(report.range.previous).toMatchObject({ fromDay: "2026-10-19", toDay: "2026-10-25", days: 7 });
    expect(report.previous).toMatchObject({
      conversationsOpened: 2,
      conversationsClosed: 0,
      messagesIn: 2,
      messagesOut: 1,
      // Asked on Sunday night, answered after midnight: the wait belongs to the week it started in.
      firstResponseMedianSeconds: 2700,
      firstResponseP90Seconds: 3420,
      unansweredConversations: 0,
      campaignSent: 1,
      paymentsCount: 0,
      reviewsAverage: null,
      noShowRate: null,
    });
  });

  it("breaks the figures down per user and per team, within the company only", async () => {
    const { company, alice, bob, service, ventes } = fixture;
    const report = await loadReport(contextFor(database.db, alice, company.id), { range: "last_week" }, NOW);
    expect(report.users).toEqual([
      { id: alice.id, name: "Alice Admin", messagesSent: 2, conversationsClosed: 1, firstResponseMedianSeconds: 600 },
      { id: bob.id, name: "Bob Agent", messagesSent: 2, conversationsClosed: 0, firstResponseMedianSeconds: 11_400 },
    ]);
    expect(report.teams).toEqual([
      { id: service.id, name: "Service", messagesSent: 2, conversationsClosed: 0, firstResponseMedianSeconds: 600 },
      { id: ventes.id, name: "Ventes", messagesSent: 2, conversationsClosed: 1, firstResponseMedianSeconds: 11_400 },
    ]);
  });

  it("puts Monday 00:30 after the change to standard time in the new week", async () => {
    const { company } = fixture;
    const figures = await reportIndicators(database.db, { companyId: company.id, from: at("2026-11-02T00:00"), to: at("2026-11-09T00:00"), timeZone: TZ, businessHours: null, unansweredAfterHours: 4, now: NOW });
    expect(figures).toMatchObject({ messagesIn: 1, messagesOut: 0, conversationsOpened: 0, appointmentsConfirmed: 1, paymentsCount: 1, paymentsTotalCents: 7000 });
  });

  it("never counts another company's data", async () => {
    const { other, intruder } = fixture;
    const report = await loadReport(contextFor(database.db, intruder, other.id), { range: "last_week" }, NOW);
    expect(report.current).toMatchObject({ conversationsOpened: 1, conversationsClosed: 1, messagesIn: 1, messagesOut: 1, firstResponseMedianSeconds: 60, appointmentsNoShow: 1, noShowRate: 1, paymentsCount: 1, paymentsTotalCents: 99_999, reviewsCount: 1, reviewsDistribution: [0, 1, 0, 0, 0], optOuts: 1, automationSent: 0, campaignSent: 0 });
    expect(report.users.map((row) => row.name)).toEqual(["Other Admin"]);
    expect(report.teams.map((row) => row.name)).toEqual(["Autre"]);
  });

  it("refuses an agent", async () => {
    const { company, bob } = fixture;
    await expect(loadReport(contextFor(database.db, bob, company.id), { range: "last_week" }, NOW)).rejects.toThrow("errors.forbidden");
  });

  it("exports each table as CSV in the reader's language", async () => {
    const { company, alice } = fixture;
    const report = await loadReport(contextFor(database.db, alice, company.id), { range: "last_week" }, NOW);
    const users = Papa.parse<string[]>(reportCsv(report, "users", "fr").replace(/^\uFEFF/, "")).data;
    expect(users).toEqual([
      ["Utilisateur", "Messages envoyés", "Conversations fermées", "Première réponse médiane (secondes)"],
      ["Alice Admin", "2", "1", "600"],
      ["Bob Agent", "2", "0", "11400"],
    ]);
    const indicators = Papa.parse<string[]>(reportCsv(report, "indicators", "en").replace(/^\uFEFF/, "")).data;
    expect(indicators[0]).toEqual(["Indicator", "2026-10-26 – 2026-11-01", "2026-10-19 – 2026-10-25"]);
    expect(indicators).toContainEqual(["Payments total (cents)", "38995", "0"]);
    expect(indicators).toContainEqual(["Reviews rated 5 stars", "2", "0"]);
  });

  it("shows an empty company zeroes, not errors", async () => {
    const { db } = database;
    const empty = await createCompany(db, { timezone: TZ });
    const admin = await createUser(db, empty.id, { role: "admin" });
    const report = await loadReport(contextFor(db, admin, empty.id), { range: "this_month" }, NOW);
    expect(report.range.current).toMatchObject({ fromDay: "2026-11-01", toDay: "2026-11-30", days: 30 });
    expect(report.current).toMatchObject({ messagesIn: 0, conversationsOpened: 0, firstResponseMedianSeconds: null, reviewsAverage: null, paymentsTotalCents: 0, reviewsDistribution: [0, 0, 0, 0, 0] });
    expect(report.teams).toEqual([]);
  });
});
