import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { useAiClient } from "@/lib/ai/client";
import { runAutomation } from "@/lib/automations/run";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { drainSettled } from "@/lib/background/drain";
import { receiveSms } from "@/lib/messaging/inbound/process";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { createPaymentRequest } from "@/lib/payments/actions";
import { createReviewRequest } from "@/lib/reviews/actions";
import { submitReview } from "@/lib/reviews/reviews";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { listenToWebhooks } from "@/tests/webhooks";

const database = withTestDatabase();
const stripe = withFakeStripe();
// Replies are read by keyword, offline.
beforeAll(() => useAiClient(null));
afterAll(() => useAiClient(undefined));

async function garage(values: Partial<typeof s.companies.$inferInsert> = {}) {
  const db = database.db;
  const company = await createCompany(db, values);
  const user = await createUser(db, company.id);
  const customer = await createCustomer(db, company.id, { firstName: "Hélène", language: "fr" });
  return { db, company, user, customer, context: contextFor(db, user, company.id), ...(await listenToWebhooks(db, company.id)) };
}

describe("webhook events of automations, payments and reviews, from their real code paths", () => {
  it("an automation's text: automation.result with its outcome; the customer's reply gives the conversation to the replies user (conversation.assigned)", async () => {
    const g = await garage({ timezone: "America/Toronto" });
    const [automation] = await g.db
      .insert(s.automations)
      .values({
        companyId: g.company.id,
        name: "Rappel de rendez-vous",
        type: "appointment_reminder",
        status: "active",
        triggerScope: "appointment",
        messageBody: "Rappel : rendez-vous demain. Répondez OUI pour confirmer.",
        keywordResponses: [{ id: "yes", keywords: ["Oui"], reply: "Merci, à demain!", action: "confirm_appointment" }],
        fallbackUserId: g.user.id,
      })
      .returning();
    const [appointment] = await g.db
      .insert(s.appointments)
      .values({ companyId: g.company.id, customerId: g.customer.id, startAt: new Date(Date.now() + 20 * 3600_000), type: "Entretien" })
      .returning();
    await runAutomation(g.db, { companyId: g.company.id, automationId: automation!.id, now: new Date(), force: true }, { dependencies: { provider: localSmsProvider }, throttle: new SenderThrottle(0) });

    const [result] = await g.eventsOf("automation.result");
    const [message] = await g.db.select().from(s.messages).where(eq(s.messages.customerId, g.customer.id));
    expect(result).toMatchObject({
      customerId: g.customer.id,
      payload: { result: { automation_id: automation!.id, automation_name: "Rappel de rendez-vous", customer_id: g.customer.id, appointment_id: appointment!.id, status: "sent", message_id: message!.id, error: null } },
    });
    expect(await g.eventsOf("conversation.assigned")).toEqual([]);

    await receiveSms(g.db, { provider: "local", providerMessageId: `emit-reply-${Date.now()}`, from: g.customer.mobile!, to: g.company.senderNumber!, text: "Oui", receivedAt: new Date() }, { provider: localSmsProvider });
    await drainSettled();
    const assigned = await g.eventsOf("conversation.assigned");
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ customerId: g.customer.id, payload: { conversation: { id: message!.conversationId, assignee_user_id: g.user.id, assigned_by_user_id: null, reason: "automation" } } });
    expect(await g.eventsOf("appointment.confirmed")).toHaveLength(1);
  });

  it("a payment through Stripe's webhook: payment.paid once, with amount, reference and receipt", async () => {
    const g = await garage({ currency: "CAD" });
    const conversation = await createConversation(g.db, g.company.id, g.customer.id);
    const created = await createPaymentRequest.run(g.context, { conversationId: conversation.id, amount: "389,95 $", reference: "RO-48213", body: "Voici votre facture." });
    if (!created.ok) throw new Error(created.error);
    const [request] = await g.db.select().from(s.paymentRequests).where(eq(s.paymentRequests.id, created.data.id));
    expect(await g.eventsOf("payment.paid")).toEqual([]);

    stripe.pay(request!.stripeSessionId!);
    const event = { id: `evt_emit_${Date.now()}`, type: "checkout.session.completed", sessionId: request!.stripeSessionId! };
    expect((await stripeWebhook(stripe.webhook(event))).status).toBe(200);
    await stripeWebhook(stripe.webhook({ ...event, id: `${event.id}_again`, type: "checkout.session.async_payment_succeeded" }));
    const paid = await g.eventsOf("payment.paid");
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      customerId: g.customer.id,
      payload: { payment_request: { id: request!.id, customer_id: g.customer.id, amount_cents: 38995, currency: "CAD", reference: "RO-48213", receipt_url: `https://pay.stripe.test/receipts/${request!.stripeSessionId}` } },
    });
  });

  it("a customer's review: review.created once, with the rating and comment", async () => {
    const g = await garage({ reviewLinks: [{ label: "Google", url: "https://g.page/r/example/review" }] });
    const conversation = await createConversation(g.db, g.company.id, g.customer.id);
    const requested = await createReviewRequest.run(g.context, { conversationId: conversation.id });
    if (!requested.ok) throw new Error(requested.error);
    expect(await g.eventsOf("review.created")).toEqual([]);

    await submitReview(g.db, { token: requested.data.token, rating: 4, comment: "Rapide et poli" });
    await submitReview(g.db, { token: requested.data.token, rating: 1, comment: "changé d'avis" });
    const reviewed = await g.eventsOf("review.created");
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]).toMatchObject({ customerId: g.customer.id, payload: { review: { id: requested.data.id, customer_id: g.customer.id, rating: 4, comment: "Rapide et poli" } } });
  });
});
