import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { useStripe } from "@/lib/payments/stripe";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { sendAutomationTestMessage } from "./actions";
import { runAutomation } from "./run";
import { emptyDefinition } from "./validation";

const database = withTestDatabase();
const stripe = withFakeStripe();
const options = { dependencies: { provider: localSmsProvider }, throttle: new SenderThrottle(0) };

async function setup(values: Partial<typeof s.automations.$inferInsert>) {
  const db = database.db;
  const company = await createCompany(db, { currency: "CAD" });
  const owner = await createUser(db, company.id, { role: "admin" });
  const customer = await createCustomer(db, company.id, { firstName: "Luc" });
  const [automation] = await db
    .insert(s.automations)
    .values({ companyId: company.id, name: "Lien", status: "active", createdByUserId: owner.id, ...values })
    .returning();
  const run = () => runAutomation(db, { companyId: company.id, automationId: automation!.id, force: true }, options);
  const results = () => db.select().from(s.automationResults).where(eq(s.automationResults.automationId, automation!.id));
  const messageOf = async (id: string) => (await db.select().from(s.messages).where(eq(s.messages.id, id)))[0]!;
  return { db, company, customer, automation: automation!, run, results, messageOf };
}

describe("automations that text a link", () => {
  it("a review request adds the customer's review link", async () => {
    const t = await setup({ type: "review_request", messageBody: "Merci de votre visite, { customer.first_name }!" });
    await t.run();
    const [result] = await t.results();
    expect(result!.status).toBe("sent");
    const message = await t.messageOf(result!.messageId!);
    const [review] = await t.db.select().from(s.reviews).where(eq(s.reviews.customerId, t.customer.id));
    expect(message.body).toMatch(new RegExp(`^Merci de votre visite, Luc!\\nhttps?://[^/]+/r/${review!.publicToken}$`));
    expect(review!.messageId).toBe(message.id);
  });

  it("a payment request for a closed repair order texts its secure payment link for the order's total", async () => {
    const t = await setup({
      type: "payment_request",
      triggerScope: "event",
      messageBody: "Votre véhicule est prêt, { customer.first_name }. Réglez la facture { event.number } ici :",
      settings: { paymentAmountAttribute: "total" },
    });
    await t.db.insert(s.customerEvents).values({ companyId: t.company.id, customerId: t.customer.id, kind: "repair_order", number: "RO-1001", status: "closed", attributes: { total: 245.5 } });
    await t.run();
    const [result] = await t.results();
    expect(result!.status).toBe("sent");
    const [payment] = await t.db.select().from(s.paymentRequests).where(eq(s.paymentRequests.customerId, t.customer.id));
    expect(payment).toMatchObject({ amountCents: 24550, reference: "RO-1001", messageId: result!.messageId });
    const message = await t.messageOf(result!.messageId!);
    expect(message).toMatchObject({ sourceKind: "automation", sourceId: result!.id, senderUserId: null });
    expect(message.body).toMatch(/^Votre véhicule est prêt, Luc\. Réglez la facture RO-1001 ici :\nhttps?:\/\/[^/]+\/pay\//);
  });

  it("without Stripe or an amount, a payment request is skipped with its reason", async () => {
    const t = await setup({ type: "payment_request", messageBody: "Votre facture :", settings: {} });
    await t.run();
    expect((await t.results())[0]).toMatchObject({ status: "skipped", skipReason: "payment_unavailable" });
    useStripe(null);
    try {
      const u = await setup({ type: "payment_request", messageBody: "Votre facture :", settings: { paymentAmountCents: 5000 } });
      await u.run();
      expect((await u.results())[0]).toMatchObject({ status: "skipped", skipReason: "payment_unavailable" });
    } finally {
      useStripe({ client: stripe.client, webhookSecret: stripe.webhookSecret });
    }
  });
});

describe("send a test of an automation that texts a link", () => {
  async function tester() {
    const db = database.db;
    const company = await createCompany(db, { currency: "CAD" });
    const admin = await createUser(db, company.id, { role: "admin" });
    const send = (definition: Partial<ReturnType<typeof emptyDefinition>>) =>
      sendAutomationTestMessage.run(contextFor(db, admin, company.id), {
        definition: { ...emptyDefinition(), name: "Test", rules: { all: [] }, ...definition },
        mobile: "+15145550142",
      });
    const testMessages = () => db.select().from(s.messages).where(eq(s.messages.sourceKind, "automation_test"));
    const results = () => db.select().from(s.automationResults).where(eq(s.automationResults.companyId, company.id));
    return { db, company, admin, send, testMessages, results };
  }

  it("a review request's test carries a working review link, marked as a test, and is no result", async () => {
    const t = await tester();
    const sent = await t.send({ type: "review_request", messageBody: "Merci de votre visite!" });
    expect(sent).toMatchObject({ ok: true, data: { sent: true } });
    const [review] = await t.db.select().from(s.reviews).where(eq(s.reviews.companyId, t.company.id));
    expect(review).toMatchObject({ requestedByUserId: t.admin.id });
    const [message] = (await t.testMessages()).filter((m) => m.companyId === t.company.id);
    expect(message!.body).toMatch(new RegExp(`^Merci de votre visite!\\nhttps?://[^/]+/r/${review!.publicToken}$`));
    expect(sent.ok && sent.data.text).toBe(message!.body);
    expect(review!.messageId).toBe(message!.id);
    expect(await t.results()).toHaveLength(0);
  });

  it("a payment request's test texts a real payment link through Stripe, for the set amount or the matching event's total", async () => {
    const t = await tester();
    const fixed = await t.send({ type: "payment_request", messageBody: "Votre facture :", settings: { paymentAmountCents: 5000 } });
    expect(fixed).toMatchObject({ ok: true, data: { sent: true } });
    const customer = await createCustomer(t.db, t.company.id, { firstName: "Luc" });
    await t.db.insert(s.customerEvents).values({ companyId: t.company.id, customerId: customer.id, kind: "repair_order", number: "RO-77", status: "closed", attributes: { total: 245.5 } });
    const fromEvent = await t.send({
      type: "payment_request",
      triggerScope: "event",
      messageBody: "Réglez la facture { event.number } :",
      settings: { paymentAmountAttribute: "total" },
      rules: { all: [{ any: [{ category: "event", attribute: "number", operator: "is", value: "RO-77" }] }] },
    });
    expect(fromEvent).toMatchObject({ ok: true, data: { sent: true } });
    const payments = await t.db.select().from(s.paymentRequests).where(eq(s.paymentRequests.companyId, t.company.id)).orderBy(s.paymentRequests.createdAt);
    expect(payments.map((p) => [p.amountCents, p.reference])).toEqual([
      [5000, "[Test] Test"],
      [24550, "[Test] RO-77"],
    ]);
    const messages = (await t.testMessages()).filter((m) => m.companyId === t.company.id);
    expect(messages.map((m) => m.body)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Votre facture :\nhttps?:\/\/[^/]+\/pay\/\S+$/), expect.stringMatching(/^Réglez la facture RO-77 :\nhttps?:\/\/[^/]+\/pay\/\S+$/)]),
    );
    expect(messages.every((m) => m.toNumber === "+15145550142")).toBe(true);
    expect(payments.every((p) => p.stripeSessionId && messages.some((m) => m.id === p.messageId))).toBe(true);
    expect(await t.results()).toHaveLength(0);
  });

  it("without an amount, the test says the payment link is unavailable instead of texting without it", async () => {
    const t = await tester();
    expect(await t.send({ type: "payment_request", messageBody: "Votre facture :", settings: {} })).toMatchObject({ ok: true, data: { sent: false, reason: "payment_unavailable" } });
    expect((await t.testMessages()).filter((m) => m.companyId === t.company.id)).toHaveLength(0);
  });
});
