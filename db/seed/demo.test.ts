import { listGroups } from "@/db/queries/groups";
import { count, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { automationTotals, listAutomationResults } from "@/db/queries/automation-results";
import { companyCounts } from "@/db/queries/companies";
import { drainSettled } from "@/lib/background/drain";
import { textAsCustomerAction } from "@/lib/messaging/simulator-actions";
import { checkCredentials } from "@/lib/auth/credentials";
import { withTestDatabase } from "@/tests/db";
import { isDatabaseEmpty, seedDemoData } from "./demo";
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_PASSWORD, DEMO_SENDER_NUMBER } from "./demo-logins";

const database = withTestDatabase();

describe("the demo dealership", () => {
  it("loads a believable, bilingual company whose demo logins work", async () => {
    const db = database.db;
    expect(await isDatabaseEmpty(db)).toBe(true);
    const { companyId } = await seedDemoData(db);
    expect(await isDatabaseEmpty(db)).toBe(false);

    const [company] = await db.select().from(s.companies).where(eq(s.companies.id, companyId));
    expect(company!.senderNumber).toBe(DEMO_SENDER_NUMBER);

    const customers = await db.select().from(s.customers).where(eq(s.customers.companyId, companyId));
    expect(customers.length).toBeGreaterThanOrEqual(190);
    expect(customers.filter((c) => c.mobile).every((c) => /^\+1(514|438|450|418|819|581)\d{7}$/.test(c.mobile!))).toBe(true);
    expect(new Set(customers.map((c) => c.language))).toEqual(new Set(["fr", "en"]));
    expect(customers.some((c) => !c.mobile)).toBe(true);

    const memberships = await db.select().from(s.memberships).where(eq(s.memberships.companyId, companyId));
    expect(memberships.map((m) => m.role).sort()).toEqual(["admin", "agent", "agent", "agent"]);
    const away = await db.select().from(s.users).where(eq(s.users.awayEnabled, true));
    expect(away).toHaveLength(1);
    const [{ value: teams }] = (await db.select({ value: count() }).from(s.teams)) as [{ value: number }];
    expect(teams).toBe(2);

    const messages = await db.select().from(s.messages).where(eq(s.messages.companyId, companyId));
    expect(messages.some((m) => m.direction === "inbound" && /merci/i.test(m.body))).toBe(true);
    expect(messages.some((m) => m.direction === "inbound" && /thanks/i.test(m.body))).toBe(true);
    expect(messages.every((m) => m.createdAt.getTime() <= Date.now())).toBe(true);

    const counts = await companyCounts(db, { companyId, timeZone: "America/Toronto" });
    expect(counts.openConversations).toBeGreaterThan(20);
    expect(counts.appointmentsToday).toBeGreaterThan(0);
    expect(counts.activeAutomations).toBe(2);
    // Two groups: a dynamic one counted by its rules, a static one of chosen customers.
    const groups = await listGroups(db, { companyId });
    expect(groups.map((g) => g.kind).sort()).toEqual(["dynamic", "static"]);
    expect(groups.find((g) => g.kind === "static")!.memberCount).toBe(12);
    const old = customers.filter((c) => Number(c.attributes.vehicle_year) < 2019).length;
    expect(groups.find((g) => g.kind === "dynamic")!.memberCount).toBe(old);
    expect(old).toBeGreaterThan(0);
    for (const email of [DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL]) {
      expect((await checkCredentials({ email, password: DEMO_PASSWORD }, null)).ok).toBe(true);
    }
  });

  it("its automations are real: reminders went out, review replies carry scores, and OUI confirms", async () => {
    const db = database.db;
    const [company] = await db.select().from(s.companies).where(eq(s.companies.senderNumber, DEMO_SENDER_NUMBER));
    const automations = await db.select().from(s.automations).where(eq(s.automations.companyId, company!.id));
    const reminder = automations.find((a) => a.type === "appointment_reminder")!;
    const review = automations.find((a) => a.type === "review_request")!;
    expect(automations.find((a) => a.status === "draft")).toBeDefined();
    const reminders = await listAutomationResults(db, { companyId: company!.id, automationId: reminder.id, limit: 100 });
    expect(reminders.rows.filter((r) => r.status === "sent").length).toBeGreaterThan(0);
    expect(reminders.rows.every((r) => r.appointmentStatus === "scheduled")).toBe(true);
    const reviewTotals = await automationTotals(db, { companyId: company!.id, automationId: review.id });
    expect(reviewTotals).toMatchObject({ replied: 3, negative: 1 });
    expect(reviewTotals.averageScore).toBeCloseTo((10 + 7 + 3) / 3, 0);

    // The newcomer's flow: the customer answers OUI from the phone simulator (/dev/phone).
    const target = reminders.rows.find((r) => r.status === "sent" && r.mobile)!;
    const [admin] = await db.select().from(s.users).where(eq(s.users.email, DEMO_ADMIN_EMAIL));
    const texted = await textAsCustomerAction.run({ db, companyId: company!.id, userId: admin!.id, role: "admin" }, { from: target.mobile!, text: "OUI" });
    expect(texted.ok).toBe(true);
    await drainSettled();
    const [appointment] = await db.select().from(s.appointments).where(eq(s.appointments.id, target.appointmentId!));
    expect(appointment).toMatchObject({ status: "confirmed", statusChangedBy: "customer" });
    const [after] = (await listAutomationResults(db, { companyId: company!.id, automationId: reminder.id, limit: 100 })).rows.filter((r) => r.id === target.id);
    expect(after).toMatchObject({ replyBody: "OUI", appointmentStatus: "confirmed" });
  });
});
