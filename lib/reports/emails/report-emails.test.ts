import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { listOutbox, outboxMailer } from "@/lib/email/mailer";
import { zonedLocalToUtc } from "@/lib/time";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer, createUser } from "@/tests/factories";
import { createReportFixture, REPORT_TZ, type ReportFixture } from "@/tests/report-fixture";
import { unsubscribeFromEmails } from "@/lib/notifications/unsubscribe";
import { sendDueReportEmails } from "./send";

const database = withTestDatabase();
const at = (local: string) => zonedLocalToUtc(local, REPORT_TZ);
const APP_URL = "https://parley.example";

let fixture: ReportFixture;
let carol: Awaited<ReturnType<typeof createUser>>;
let dan: Awaited<ReturnType<typeof createUser>>;
let erin: Awaited<ReturnType<typeof createUser>>;

const send = (now: Date, companyId?: string) => sendDueReportEmails(database.db, now, { mailer: outboxMailer(database.db), appUrl: APP_URL, companyId });
const outbox = async () => (await listOutbox(database.db, 500)).reverse();
/** The text part with non-breaking spaces as spaces, no trailing spaces, no blank lines. */
const plain = (mail: { text: string }) => mail.text.replace(/\u202f|\u00a0/g, " ").replace(/ +\n/g, "\n").replace(/\n+/g, "\n");
const to = async (email: string) => (await outbox()).filter((mail) => mail.to === email);

beforeAll(async () => {
  const { db } = database;
  fixture = await createReportFixture(db);
  // Bob (agent, may see reports) reads English and turned the weekly email on; Carol (agent) left it off; Dan (admin) turned it off;
  // Erin (agent) turned it on (preferences are the person's, in every company) but may not see this company's reports.
  await db.update(s.users).set({ language: "en", notificationPreferences: { "reports.weekly_progress": { email: true } } }).where(eq(s.users.id, fixture.bob.id));
  await db.update(s.memberships).set({ permissions: { seeReports: true } }).where(eq(s.memberships.userId, fixture.bob.id));
  carol = await createUser(db, fixture.company.id, { role: "agent", name: "Carol Agent" });
  erin = await createUser(db, fixture.company.id, { role: "agent", name: "Erin Agent", notificationPreferences: { "reports.weekly_progress": { email: true }, "reports.daily_deposits": { email: true } } });
  dan = await createUser(db, fixture.company.id, { role: "admin", name: "Dan Admin", notificationPreferences: { "reports.weekly_progress": { email: false }, "reports.daily_deposits": { email: false } } });
});

describe("weekly progress email", () => {
  it("waits for Monday 07:00 in the company's time zone, then sends last week (across the change to standard time) to those whose preference is on", async () => {
    // Monday 2026-11-02 06:59 in Toronto is 11:59 UTC (standard time since Sunday).
    expect(await send(new Date("2026-11-02T11:59:00Z"), fixture.company.id)).toEqual({ weekly: 0, daily: 0 });
    const result = await send(new Date("2026-11-02T12:00:00Z"), fixture.company.id);
    expect(result.weekly).toBe(2);
    expect((await to(fixture.alice.email)).map((mail) => mail.subject)).toContain(`${fixture.company.name} : votre semaine du 26 oct. au 1 nov.`);
    expect((await to(fixture.bob.email)).map((mail) => mail.subject)).toContain(`${fixture.company.name}: your week of Oct 26 – Nov 1`);
    expect(await to(carol.email)).toEqual([]);
    expect(await to(dan.email)).toEqual([]);
    expect(await to(erin.email)).toEqual([]);
  });

  it("gives every key figure of last week against the week before, with the direction and whether it is good, in French", async () => {
    const [mail] = (await to(fixture.alice.email)).filter((m) => m.subject.includes("votre semaine"));
    const text = plain(mail!);
    for (const line of [
      "La semaine dernière (26 oct. – 1 nov.) comparée à la semaine précédente (19 oct. – 25 oct.).",
      "Conversations ouvertes\nSemaine précédente : 2\n2\n= sans changement",
      "Conversations fermées\nSemaine précédente : 0\n2\n↑ mieux",
      "Messages reçus\nSemaine précédente : 2\n5\n↑ 150 %",
      "Première réponse (médiane)\nSemaine précédente : 45 min\n20 min\n↓ 56 % · mieux",
      "Restées sans réponse\nSemaine précédente : 0\n2\n↑ moins bien",
      "Taux d’absence\nSemaine précédente : —\n25 %\nrien à comparer",
      "Paiements encaissés\n2 paiements · Semaine précédente : 0,00 $\n389,95 $\n↑ mieux",
      "Note moyenne\n4 avis · Semaine précédente : —\n3,75",
      "Désabonnements\nSemaine précédente : 0\n2\n↑ moins bien",
      "Ouvrir le tableau de bord",
      `${APP_URL}/reports?range=last_week`,
      `${APP_URL}/api/notifications/unsubscribe?token=`,
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/Utilisateur +Envoyés +Fermées +Réponse\nAlice Admin +2 +1 +10 min *\nBob Agent +2 +0 +3,2 h/);
    expect(text).toMatch(/mar\. 27 oct\. +6/);
    expect(mail!.html).toContain('lang="fr"');
    expect(mail!.headers["List-Unsubscribe"]).toMatch(new RegExp(`^<${APP_URL}/api/notifications/unsubscribe\\?token=[\\w-]+\\.[\\w-]+>$`));
    expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("reads in English for an English reader, a rise of something bad marked worse", async () => {
    const [mail] = (await to(fixture.bob.email)).filter((m) => m.subject.includes("your week"));
    const text = plain(mail!);
    expect(text).toContain("Last week (Oct 26 – Nov 1) compared with the week before (Oct 19 – Oct 25).");
    expect(text).toContain("Median first response\nWeek before: 45 min\n20 min\n↓ 56% · better");
    expect(text).toContain("Messages sent\nWeek before: 1\n5\n↑ 400%");
    expect(text).toContain("Payments collected\n2 payments · Week before: $0.00\n$389.95");
    expect(mail!.html).toContain('lang="en"');
  });

  it("is sent once per user and week however often, or however concurrently, the sweep runs", async () => {
    const before = (await outbox()).length;
    const later = new Date("2026-11-04T15:00:00Z");
    const results = await Promise.all([send(later, fixture.company.id), send(later, fixture.company.id), send(later)]);
    expect(results.map((r) => r.weekly)).toEqual([0, 0, expect.any(Number)]);
    const mine = (await outbox()).slice(before).filter((mail) => [fixture.alice.email, fixture.bob.email].includes(mail.to));
    expect(mine).toEqual([]);
    const rows = await database.db.select().from(s.reportEmails).where(eq(s.reportEmails.companyId, fixture.company.id));
    expect(rows.filter((row) => row.kind === "weekly_progress").map((row) => [row.userId, row.periodStart, Boolean(row.sentAt)]).sort()).toEqual(
      [[fixture.alice.id, "2026-10-26", true], [fixture.bob.id, "2026-10-26", true]].sort(),
    );
  });

  it("stops for a reader who clicks its one-click unsubscribe, the next Monday", async () => {
    const [mail] = (await to(fixture.bob.email)).filter((m) => m.subject.includes("your week"));
    const token = new URL(mail!.headers["List-Unsubscribe"]!.slice(1, -1)).searchParams.get("token")!;
    expect(await unsubscribeFromEmails(database.db, token)).not.toBeNull();
    await send(new Date("2026-11-09T12:00:00Z"), fixture.company.id);
    const weeks = async (email: string) => (await to(email)).filter((m) => /your week|votre semaine/.test(m.subject)).length;
    expect(await weeks(fixture.bob.email)).toBe(1);
    expect(await weeks(fixture.alice.email)).toBe(2);
  });

  it("tells each company only its own figures", async () => {
    const mails = (await to(fixture.intruder.email)).filter((m) => m.subject.includes("votre semaine"));
    expect(mails).toHaveLength(1);
    const text = plain(mails[0]!);
    expect(text).toContain("999,99 $");
    expect(text).toContain("Other Admin");
    expect(text).not.toContain("Alice Admin");
    expect((await to(fixture.alice.email)).some((m) => m.text.includes("Other Admin"))).toBe(false);
  });

  it("is not sent when the company turned the weekly report off", async () => {
    const { db } = database;
    const quiet = await createCompany(db, { timezone: REPORT_TZ, weeklyReportEnabled: false });
    const admin = await createUser(db, quiet.id, { role: "admin" });
    expect((await send(new Date("2026-11-02T13:00:00Z"), quiet.id)).weekly).toBe(0);
    expect(await to(admin.email)).toEqual([]);
  });
});

describe("daily deposits email", () => {
  it("lists yesterday's payments in the company's time zone with their total, to admins by default, and skips a day without any", async () => {
    const { db } = database;
    const company = await createCompany(db, { timezone: REPORT_TZ, name: "Garage Dépôts", weeklyReportEnabled: false });
    const admin = await createUser(db, company.id, { role: "admin", language: "en" });
    const agent = await createUser(db, company.id, { role: "agent" });
    // The payment list is for those who may see reports: an agent's own "on" is not enough.
    const eager = await createUser(db, company.id, { role: "agent", notificationPreferences: { "reports.daily_deposits": { email: true } } });
    const granted = await createUser(db, company.id, { role: "agent", permissions: { seeReports: true }, notificationPreferences: { "reports.daily_deposits": { email: true } } });
    const customer = await createCustomer(db, company.id, { firstName: "Élise", lastName: "Côté" });
    const payment = (reference: string, amountCents: number, paid: string | null, status: s.PaymentRequestStatus = "paid") => ({
      companyId: company.id,
      customerId: customer.id,
      amountCents,
      currency: "CAD",
      reference,
      status,
      publicToken: `deposit-${reference}`,
      paidAt: paid ? at(paid) : null,
    });
    await db.insert(s.paymentRequests).values([
      payment("RO-100", 12_050, "2026-11-30T23:59"),
      payment("RO-101", 45_000, "2026-12-01T08:15"),
      // 23:30 in Toronto is already 04:30 UTC on December 2: still December 1 for the company.
      payment("RO-102", 2_500, "2026-12-01T23:30"),
      payment("RO-103", 9_900, null, "pending"),
    ]);
    expect((await send(at("2026-12-02T06:59"), company.id)).daily).toBe(0);
    expect((await send(at("2026-12-02T07:01"), company.id)).daily).toBe(2);
    expect((await send(at("2026-12-02T09:00"), company.id)).daily).toBe(0);
    const [mail, ...more] = await to(admin.email);
    expect(more).toEqual([]);
    expect(await to(agent.email)).toEqual([]);
    expect(await to(eager.email)).toEqual([]);
    expect(await to(granted.email)).toHaveLength(1);
    expect(mail!.subject).toBe("Garage Dépôts: deposits of Dec 1, $475.00");
    const text = plain(mail!);
    expect(text).toContain("2 payments were collected on Tuesday, December 1, for a total of $475.00.");
    expect(text).toContain("RO-101 · Élise Côté\n08:15 a.m.\n$450.00");
    expect(text).toContain("RO-102 · Élise Côté\n11:30 p.m.\n$25.00");
    expect(text).toContain("Total\n$475.00");
    expect(text).toContain(`${APP_URL}/reports?range=custom&from=2026-12-01&to=2026-12-01`);
    expect(text).not.toContain("RO-100");
    expect(text).not.toContain("RO-103");
    // December 2 had no payment: nothing on the morning of December 3.
    expect((await send(at("2026-12-03T07:30"), company.id)).daily).toBe(0);
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(s.reportEmails).where(eq(s.reportEmails.companyId, company.id));
    expect(rows[0]!.n).toBe(2);
  });
});
