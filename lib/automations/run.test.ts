import { and, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { automationTotals, listAutomationResults } from "@/db/queries/automation-results";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer, createUser } from "@/tests/factories";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { SmsSendError, type SmsProvider } from "@/lib/messaging/sms/provider";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { dueSince, runAutomation, runDueAutomations } from "./run";

const database = withTestDatabase();
const noThrottle = new SenderThrottle(0);
const at = (now: Date) => ({ dependencies: { provider: localSmsProvider, now }, throttle: noThrottle });

// 15:00 in Montréal, outside quiet hours (21:00–08:00).
const AFTERNOON = new Date("2026-12-01T20:00:00Z");
// 22:30 in Montréal.
const NIGHT = new Date("2026-12-02T03:30:00Z");

async function setup(values: Partial<typeof s.automations.$inferInsert> = {}) {
  const db = database.db;
  const company = await createCompany(db, { timezone: "America/Toronto", quietHoursStart: "21:00", quietHoursEnd: "08:00" });
  const owner = await createUser(db, company.id, { role: "admin" });
  const [automation] = await db
    .insert(s.automations)
    .values({
      companyId: company.id,
      name: "Rappel",
      type: "general",
      status: "active",
      messageBody: 'Bonjour { customer.first_name | "client" }, à bientôt chez { company.name }.',
      schedule: "realtime",
      realtimeEveryMinutes: 5,
      triggerScope: "customer",
      createdByUserId: owner.id,
      ...values,
    })
    .returning();
  return { db, company, owner, automation: automation! };
}

const automationMessages = (automationResultIds: string[]) =>
  database.db.select().from(s.messages).where(eq(s.messages.sourceKind, "automation")).then((rows) => rows.filter((row) => automationResultIds.includes(row.sourceId!)));

async function resultsOf(automationId: string) {
  return database.db.select().from(s.automationResults).where(eq(s.automationResults.automationId, automationId));
}

describe("running an automation", () => {
  it("texts each matching customer once through the sending gate, linked to the result", async () => {
    const { db, company, automation } = await setup();
    const julie = await createCustomer(db, company.id, { firstName: "Julie" });
    await createCustomer(db, company.id, { firstName: "" });
    const outcome = await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON }, at(AFTERNOON));
    expect(outcome).toMatchObject({ status: "ran", matched: 2, sent: 2 });
    const results = await resultsOf(automation.id);
    expect(results.map((r) => r.status)).toEqual(["sent", "sent"]);
    const sent = await automationMessages(results.map((r) => r.id));
    expect(sent.map((m) => m.body).sort()).toEqual([`Bonjour Julie, à bientôt chez ${company.name}.`, `Bonjour client, à bientôt chez ${company.name}.`].sort());
    const julieResult = results.find((r) => r.customerId === julie.id)!;
    const julieMessage = sent.find((m) => m.customerId === julie.id)!;
    expect(julieMessage).toMatchObject({ sourceKind: "automation", sourceId: julieResult.id, marketing: false });
    expect(julieResult.messageId).toBe(julieMessage.id);
    expect(julieResult.sentAt).not.toBeNull();

    // The next run finds the same customers already texted for this trigger.
    const again = await runAutomation(db, { companyId: company.id, automationId: automation.id, now: new Date(AFTERNOON.getTime() + 10 * 60_000) }, at(AFTERNOON));
    expect(again).toMatchObject({ status: "ran", matched: 0, sent: 0 });
    expect(await automationMessages(results.map((r) => r.id))).toHaveLength(2);
  });

  it("two runs at the same moment send one text per trigger", async () => {
    const { db, company, automation } = await setup();
    for (let i = 0; i < 6; i++) await createCustomer(db, company.id, { firstName: `C${i}` });
    const [a, b, c] = await Promise.all([
      runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON }, at(AFTERNOON)),
      runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON }, at(AFTERNOON)),
      runDueAutomations(db, AFTERNOON, at(AFTERNOON)),
    ]);
    const results = await resultsOf(automation.id);
    expect(results).toHaveLength(6);
    expect(results.every((r) => r.status === "sent")).toBe(true);
    const sent = await automationMessages(results.map((r) => r.id));
    expect(sent).toHaveLength(6);
    expect(new Set(sent.map((m) => m.customerId)).size).toBe(6);
    expect([a.status, b.status].filter((status) => status === "ran").length + c.ran).toBe(1);
    // Even forced runs racing: the unique trigger key and the per-result claim hold.
    await Promise.all([
      runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON, force: true }, at(AFTERNOON)),
      runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON, force: true }, at(AFTERNOON)),
    ]);
    expect(await automationMessages(results.map((r) => r.id))).toHaveLength(6);
  });

  it("skips with the reason: opted out, unsubscribed, no mobile; marketing also respects marketing unsubscribes and quiet hours", async () => {
    const { db, company, automation } = await setup({ marketing: true });
    const ok = await createCustomer(db, company.id, { firstName: "Ok" });
    const stopped = await createCustomer(db, company.id, { firstName: "Stop", optedOutAt: new Date("2026-11-01T00:00:00Z") });
    const noMarketing = await createCustomer(db, company.id, { firstName: "NoMarketing", subscribedMarketing: false });
    const noMobile = await createCustomer(db, company.id, { firstName: "NoMobile", mobile: null });
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON }, at(AFTERNOON));
    const byCustomer = new Map((await resultsOf(automation.id)).map((r) => [r.customerId, r]));
    expect(byCustomer.get(ok.id)).toMatchObject({ status: "sent", skipReason: null });
    expect(byCustomer.get(stopped.id)).toMatchObject({ status: "skipped", skipReason: "opted_out", messageId: null });
    expect(byCustomer.get(noMarketing.id)).toMatchObject({ status: "skipped", skipReason: "unsubscribed_marketing" });
    expect(byCustomer.get(noMobile.id)).toMatchObject({ status: "skipped", skipReason: "no_mobile" });

    // A general (non-marketing) automation: a general unsubscribe skips, marketing does not.
    const general = await setup({ marketing: false });
    const unsubscribed = await createCustomer(db, general.company.id, { subscribedGeneral: false });
    const marketingOnly = await createCustomer(db, general.company.id, { subscribedMarketing: false });
    await runAutomation(db, { companyId: general.company.id, automationId: general.automation.id, now: NIGHT }, at(NIGHT));
    const generalResults = new Map((await resultsOf(general.automation.id)).map((r) => [r.customerId, r]));
    expect(generalResults.get(unsubscribed.id)).toMatchObject({ status: "skipped", skipReason: "unsubscribed_general" });
    // Quiet hours only hold back marketing.
    expect(generalResults.get(marketingOnly.id)).toMatchObject({ status: "sent" });

    const night = await setup({ marketing: true });
    const sleeper = await createCustomer(db, night.company.id);
    await runAutomation(db, { companyId: night.company.id, automationId: night.automation.id, now: NIGHT }, at(NIGHT));
    const [quiet] = await resultsOf(night.automation.id);
    expect(quiet).toMatchObject({ customerId: sleeper.id, status: "skipped", skipReason: "quiet_hours" });
    const sentMessages = await db.select().from(s.messages).where(eq(s.messages.customerId, sleeper.id));
    expect(sentMessages).toHaveLength(0);
  });

  it("records a carrier failure with its error, notifies, and totals count it", async () => {
    const { db, company, owner, automation } = await setup();
    await createCustomer(db, company.id);
    const failing: SmsProvider = {
      name: "local",
      send: async () => {
        throw new SmsSendError("invalid_number", "Non-Whitelisted Destination");
      },
    };
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON }, { dependencies: { provider: failing, now: AFTERNOON }, throttle: noThrottle });
    const [result] = await resultsOf(automation.id);
    expect(result).toMatchObject({ status: "failed", error: "Non-Whitelisted Destination" });
    expect(result!.messageId).not.toBeNull();
    const notes = await db.select().from(s.notifications).where(and(eq(s.notifications.userId, owner.id), eq(s.notifications.kind, "automation.send_failed")));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.link).toBe(`/automations/${automation.id}?result=${result!.id}`);
    const totals = await automationTotals(db, { companyId: company.id, automationId: automation.id });
    expect(totals).toMatchObject({ total: 1, sent: 0, failed: 1 });
    const page = await listAutomationResults(db, { companyId: company.id, automationId: automation.id });
    expect(page.rows[0]).toMatchObject({ status: "failed", error: "Non-Whitelisted Destination" });
  });

  it("reminds once per appointment, and again when the appointment is rescheduled", async () => {
    const { db, company, automation } = await setup({
      type: "appointment_reminder",
      triggerScope: "appointment",
      messageBody: "Rappel : rendez-vous le { appointment.start_at_date } à { appointment.start_at_time }. Répondez OUI pour confirmer.",
    });
    const customer = await createCustomer(db, company.id);
    const [appointment] = await db
      .insert(s.appointments)
      .values({ companyId: company.id, customerId: customer.id, startAt: new Date("2026-12-02T15:00:00Z"), type: "Entretien" })
      .returning();
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON, force: true }, at(AFTERNOON));
    let results = await resultsOf(automation.id);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ appointmentId: appointment!.id, status: "sent" });
    const [first] = await automationMessages(results.map((r) => r.id));
    expect(first!.body).toBe("Rappel : rendez-vous le 2 décembre 2026 à 10 h 00. Répondez OUI pour confirmer.");

    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON, force: true }, at(AFTERNOON));
    expect(await resultsOf(automation.id)).toHaveLength(1);

    await db.update(s.appointments).set({ startAt: new Date("2026-12-03T19:30:00Z") }).where(eq(s.appointments.id, appointment!.id));
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON, force: true }, at(AFTERNOON));
    results = await resultsOf(automation.id);
    expect(results).toHaveLength(2);
    const bodies = (await automationMessages(results.map((r) => r.id))).map((m) => m.body);
    expect(bodies).toContain("Rappel : rendez-vous le 3 décembre 2026 à 14 h 30. Répondez OUI pour confirmer.");
  });

  it("the day-before reminder: a real rule picks tomorrow's scheduled appointments only", async () => {
    const { db, company, automation } = await setup({
      type: "appointment_reminder",
      triggerScope: "appointment",
      schedule: "daily",
      dailyAt: "10:00",
      rules: {
        all: [
          { any: [{ category: "appointment", attribute: "start_at", operator: "within_next_days", value: 1 }] },
          { any: [{ category: "appointment", attribute: "status", operator: "is", value: "scheduled" }] },
        ],
      },
      messageBody: "Rappel : rendez-vous demain à { appointment.start_at_time }.",
    });
    const customer = await createCustomer(db, company.id);
    const book = (iso: string, status: "scheduled" | "cancelled" = "scheduled") =>
      db.insert(s.appointments).values({ companyId: company.id, customerId: customer.id, startAt: new Date(iso), status }).returning().then((rows) => rows[0]!);
    const tomorrow = await book("2026-12-02T14:00:00Z");
    await book("2026-12-06T14:00:00Z");
    await book("2026-12-02T16:00:00Z", "cancelled");
    // 10:00 in Montréal on Dec 1: the daily run is due.
    const morning = new Date("2026-12-01T15:00:00Z");
    const outcome = await runDueAutomations(db, morning, { dependencies: { provider: localSmsProvider, now: morning }, throttle: noThrottle });
    expect(outcome.ran).toBeGreaterThanOrEqual(1);
    const results = await resultsOf(automation.id);
    expect(results.map((r) => [r.appointmentId, r.status])).toEqual([[tomorrow.id, "sent"]]);
    // Later the same day the daily automation is not due again.
    await runDueAutomations(db, new Date("2026-12-01T20:00:00Z"), { dependencies: { provider: localSmsProvider }, throttle: noThrottle });
    expect(await resultsOf(automation.id)).toHaveLength(1);
  });

  it("customer_repeat texts again only after N days", async () => {
    const { db, company, automation } = await setup({ triggerScope: "customer_repeat", repeatAfterDays: 3 });
    await createCustomer(db, company.id);
    const day = 24 * 3600_000;
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON, force: true }, at(AFTERNOON));
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: new Date(AFTERNOON.getTime() + day), force: true }, at(AFTERNOON));
    expect(await resultsOf(automation.id)).toHaveLength(1);
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: new Date(AFTERNOON.getTime() + 4 * day), force: true }, at(AFTERNOON));
    expect((await resultsOf(automation.id)).map((r) => [r.status, r.skipReason])).toEqual([["sent", null], ["sent", null]]);
  });

  it("keeps to its company, and paused or draft automations do not run", async () => {
    const { db, company, automation } = await setup();
    const other = await createCompany(db);
    const outsider = await createCustomer(db, other.id);
    const mine = await createCustomer(db, company.id);
    await runAutomation(db, { companyId: company.id, automationId: automation.id, now: AFTERNOON }, at(AFTERNOON));
    expect((await resultsOf(automation.id)).map((r) => r.customerId)).toEqual([mine.id]);
    expect(await db.select().from(s.messages).where(eq(s.messages.customerId, outsider.id))).toHaveLength(0);
    // Another company cannot run it.
    expect(await runAutomation(db, { companyId: other.id, automationId: automation.id, now: AFTERNOON, force: true }, at(AFTERNOON))).toEqual({ status: "inactive" });
    const paused = await setup({ status: "paused" });
    await createCustomer(db, paused.company.id);
    await runDueAutomations(db, AFTERNOON, at(AFTERNOON));
    expect(await resultsOf(paused.automation.id)).toHaveLength(0);
  });
});

describe("when an automation is due", () => {
  const zone = "America/Toronto";
  it("daily: from today's time in the company's zone", () => {
    const daily = { schedule: "daily" as const, dailyAt: "09:00", realtimeEveryMinutes: 5 };
    expect(dueSince(daily, zone, new Date("2026-12-01T13:59:00Z"))).toBeNull();
    expect(dueSince(daily, zone, new Date("2026-12-01T14:00:00Z"))).toEqual(new Date("2026-12-01T14:00:00Z"));
    expect(dueSince(daily, zone, new Date("2026-12-01T23:00:00Z"))).toEqual(new Date("2026-12-01T14:00:00Z"));
  });
  it("near real time: every N minutes", () => {
    const realtime = { schedule: "realtime" as const, dailyAt: "09:00", realtimeEveryMinutes: 10 };
    const now = new Date("2026-12-01T14:00:00Z");
    expect(dueSince(realtime, zone, now)!.getTime()).toBe(now.getTime() - 10 * 60_000 + 15_000);
  });
});
