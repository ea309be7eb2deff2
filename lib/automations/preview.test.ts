import { and, eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import { dryRunAutomationDraft as dryRun, sendAutomationTestMessage as sendTest } from "./actions";
import { emptyDefinition } from "./validation";
import { runAutomation } from "./run";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { localSmsProvider } from "@/lib/messaging/sms/local";

const database = withTestDatabase();
// 22:30 in Montréal: quiet hours for marketing.
const NIGHT = new Date("2026-12-02T03:30:00Z");

const definition = {
  ...emptyDefinition(),
  name: "Entretien",
  rules: { all: [] },
  messageBody: 'Bonjour { customer.first_name | "client" }, votre entretien approche.',
  marketing: false,
  triggerScope: "customer" as const,
  repeatAfterDays: null,
};

async function setup() {
  const db = database.db;
  const company = await createCompany(db, { timezone: "America/Toronto", quietHoursStart: "21:00", quietHoursEnd: "08:00" });
  const admin = await createUser(db, company.id, { role: "admin" });
  const agent = await createUser(db, company.id, { role: "agent" });
  return { db, company, admin, agent, context: contextFor(db, admin, company.id) };
}

describe("the dry run", () => {
  it("counts the audience and shows each customer's exact text or why they would be skipped", async () => {
    const { db, company, context } = await setup();
    await createCustomer(db, company.id, { firstName: "Anne", lastName: "Roy" });
    await createCustomer(db, company.id, { firstName: "Bob", optedOutAt: new Date() });
    await createCustomer(db, company.id, { firstName: "Carl", mobile: null });
    await createCustomer(db, company.id, { firstName: "Dina", subscribedGeneral: false });
    const result = await dryRun.run(context, { definition });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.count).toBe(4);
    const byName = new Map(result.data.rows.map((row) => [row.name.split(" ")[0], row]));
    expect(byName.get("Anne")).toMatchObject({ name: "Anne Roy", text: "Bonjour Anne, votre entretien approche.", skipReason: null });
    expect(byName.get("Bob")).toMatchObject({ skipReason: "opted_out", text: "Bonjour Bob, votre entretien approche." });
    expect(byName.get("Carl")).toMatchObject({ skipReason: "no_mobile" });
    expect(byName.get("Dina")).toMatchObject({ skipReason: "unsubscribed_general" });
  });

  it("marketing: unsubscribed from marketing and quiet hours; a saved automation shows who was already texted", async () => {
    const { db, company, context } = await setup();
    const anne = await createCustomer(db, company.id, { firstName: "Anne" });
    await createCustomer(db, company.id, { firstName: "Bea", subscribedMarketing: false });
    const [automation] = await db
      .insert(s.automations)
      .values({ companyId: company.id, name: "Promo", status: "active", messageBody: definition.messageBody, triggerScope: "customer" })
      .returning();
    await db.insert(s.automationResults).values({ companyId: company.id, automationId: automation!.id, customerId: anne.id, triggerKey: "customer", status: "sent" });
    const { dryRunAutomation } = await import("./dry-run");
    const day = await dryRunAutomation(db, { companyId: company.id, definition: { ...definition, marketing: true }, automationId: automation!.id, now: new Date("2026-12-01T18:00:00Z") });
    const byName = new Map(day.rows.map((row) => [row.name, row.skipReason]));
    expect(byName.get("Anne Tremblay")).toBe("already_texted");
    expect(byName.get("Bea Tremblay")).toBe("unsubscribed_marketing");
    const night = await dryRunAutomation(db, { companyId: company.id, definition: { ...definition, marketing: true }, now: NIGHT });
    expect(night.rows.find((row) => row.name === "Anne Tremblay")!.skipReason).toBe("quiet_hours");
    expect(context.companyId).toBe(company.id);
  });

  it("keeps to the company and needs the automations permission", async () => {
    const { db, company, agent, context } = await setup();
    const other = await createCompany(db);
    await createCustomer(db, other.id, { firstName: "Étranger" });
    await createCustomer(db, company.id, { firstName: "Mine" });
    const result = await dryRun.run(context, { definition });
    expect(result.ok && result.data.rows.map((row) => row.name)).toEqual(["Mine Tremblay"]);
    expect(await dryRun.run(contextFor(db, agent, company.id), { definition })).toEqual({ ok: false, error: "errors.forbidden" });
  });
});

describe("send a test", () => {
  it("texts any mobile through the gate as a test, which never becomes a result", async () => {
    const { db, company, context } = await setup();
    const result = await sendTest.run(context, { definition, mobile: "(514) 555-0199" });
    expect(result).toMatchObject({ ok: true, data: { sent: true, text: "Bonjour client, votre entretien approche." } });
    const [message] = await db.select().from(s.messages).where(and(eq(s.messages.companyId, company.id), eq(s.messages.sourceKind, "automation_test")));
    expect(message).toMatchObject({ toNumber: "+15145550199", body: "Bonjour client, votre entretien approche." });
    expect(await db.select().from(s.automationResults).where(eq(s.automationResults.companyId, company.id))).toHaveLength(0);
  });

  it("is refused for an opted-out number and an invalid one", async () => {
    const { db, company, context } = await setup();
    await createCustomer(db, company.id, { mobile: "+15145550177", optedOutAt: new Date() });
    expect(await sendTest.run(context, { definition, mobile: "+15145550177" })).toMatchObject({ ok: true, data: { sent: false, reason: "opted_out" } });
    expect(await sendTest.run(context, { definition, mobile: "555-1234" })).toMatchObject({ ok: false, error: "automationEngine.errors.testMobileInvalid" });
  });

  it("a test send is not counted when the automation later runs", async () => {
    const { db, company, context } = await setup();
    const customer = await createCustomer(db, company.id, { firstName: "Zoé" });
    await sendTest.run(context, { definition, mobile: customer.mobile! });
    const [automation] = await db.insert(s.automations).values({ companyId: company.id, name: "A", status: "active", messageBody: definition.messageBody }).returning();
    await runAutomation(db, { companyId: company.id, automationId: automation!.id, force: true }, { dependencies: { provider: localSmsProvider }, throttle: new SenderThrottle(0) });
    const results = await db.select().from(s.automationResults).where(eq(s.automationResults.automationId, automation!.id));
    expect(results).toMatchObject([{ customerId: customer.id, status: "sent" }]);
  });
});
