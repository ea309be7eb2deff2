import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { useStripe } from "@/lib/payments/stripe";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer, createUser } from "@/tests/factories";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { runAutomation } from "./run";
import { SenderThrottle } from "@/lib/messaging/throttle";

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
