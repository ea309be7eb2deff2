import { CUSTOMER_APP_URL as APP_URL } from "@/tests/customer-app-url";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { customers, messages, notifications, paymentRequests, reviews, scheduledMessages } from "@/db/schema";
import { listScheduledInBanner } from "@/db/queries/scheduling";
import { sendScheduledMessageAtTime } from "@/inngest/functions/scheduling/send-scheduled-message";
import { useStripe } from "@/lib/payments/stripe";
import { utcToZonedLocal } from "@/lib/time";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { deleteScheduledMessage, dismissScheduledMessage, schedulePaymentRequest, scheduleReviewRequest, updateScheduledMessage } from "./actions";
import { sendDueScheduledMessages } from "./scheduled";

const database = withTestDatabase();
const stripe = withFakeStripe();
const inMinutes = (minutes: number) => utcToZonedLocal(new Date(Date.now() + minutes * 60_000), "America/Toronto");

async function setup() {
  const db = database.db;
  const company = await createCompany(db, { name: "Garage Lavoie", timezone: "America/Toronto", currency: "CAD" });
  const author = await createUser(db, company.id, { name: "Alex Martin" });
  const customer = await createCustomer(db, company.id, { firstName: "Julie", language: "fr" });
  const conversation = await createConversation(db, company.id, customer.id);
  return { db, company, author, customer, conversation, context: contextFor(db, author, company.id) };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function scheduledPayment(s: Setup) {
  const result = await schedulePaymentRequest.run(s.context, {
    conversationId: s.conversation.id,
    amount: "389,95 $",
    reference: "RO-48213",
    body: "Bonjour { customer.first_name }, voici votre facture.",
    sendAt: inMinutes(90),
  });
  if (!result.ok) throw new Error(result.error);
  return reload(result.data.id);
}

async function scheduledReview(s: Setup, body?: string) {
  const result = await scheduleReviewRequest.run(s.context, { conversationId: s.conversation.id, body, sendAt: inMinutes(90) });
  if (!result.ok) throw new Error(result.error);
  return reload(result.data.id);
}

const reload = async (id: string) => (await database.db.select().from(scheduledMessages).where(eq(scheduledMessages.id, id)))[0]!;
const sentTo = (customerId: string) => database.db.select().from(messages).where(eq(messages.customerId, customerId));
const paymentsOf = (customerId: string) => database.db.select().from(paymentRequests).where(eq(paymentRequests.customerId, customerId));
const reviewsOf = (customerId: string) => database.db.select().from(reviews).where(eq(reviews.customerId, customerId));

/** Runs the Inngest function as the engine would, the sleep having elapsed. */
async function wakeUp(row: { id: string; version: number; sendAt: Date }) {
  await database.db.update(scheduledMessages).set({ sendAt: new Date(Date.now() - 1000) }).where(eq(scheduledMessages.id, row.id));
  const t = new InngestTestEngine({
    function: sendScheduledMessageAtTime,
    events: [{ name: "message/scheduled", data: { id: row.id, version: row.version, sendAt: row.sendAt.toISOString() } }],
    steps: [{ id: "wait-until-send-time", handler: () => undefined }],
  });
  return (await t.execute()).result;
}

describe("scheduled payment and review requests (EDIT-11, EDIT-6, EDIT-10)", () => {
  it("a scheduled payment request creates its Stripe link only when due, then texts exactly the text with the link", async () => {
    const s = await setup();
    const sessionsBefore = stripe.created.length;
    const row = await scheduledPayment(s);
    expect(row).toMatchObject({ kind: "payment_request", amountCents: 38995, currency: "CAD", reference: "RO-48213", status: "pending", paymentRequestId: null });
    // Nothing exists at Stripe nor in payments until the time comes.
    expect(stripe.created.length).toBe(sessionsBefore);
    expect(await paymentsOf(s.customer.id)).toEqual([]);
    expect(await sentTo(s.customer.id)).toEqual([]);

    expect(await wakeUp(row)).toMatchObject({ sent: true });
    expect(stripe.created.length).toBe(sessionsBefore + 1);
    const form = stripe.created.at(-1)!;
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("38995");
    expect(form.get("line_items[0][price_data][product_data][name]")).toBe("Garage Lavoie — RO-48213");
    const [request] = await paymentsOf(s.customer.id);
    const [message] = await sentTo(s.customer.id);
    expect(request).toMatchObject({ amountCents: 38995, currency: "CAD", reference: "RO-48213", status: "pending", createdByUserId: s.author.id, messageId: message!.id, conversationId: s.conversation.id });
    expect(request!.stripeSessionId).toBeTruthy();
    expect(message).toMatchObject({ sourceKind: "scheduled", sourceId: row.id, body: `Bonjour Julie, voici votre facture.\n${APP_URL}/pay/${request!.publicToken}\n- Alex Martin` });
    expect(await reload(row.id)).toMatchObject({ status: "sent", messageId: message!.id, paymentRequestId: request!.id });

    // A second wake-up (duplicate event, sweep) creates no second link.
    await sendDueScheduledMessages(database.db);
    expect(await paymentsOf(s.customer.id)).toHaveLength(1);
    expect(stripe.created.length).toBe(sessionsBefore + 1);
  });

  it("a scheduled review request creates the review when due and texts its link from APP_URL", async () => {
    const s = await setup();
    const row = await scheduledReview(s, "Merci { customer.first_name } ! Votre avis ?");
    expect(row).toMatchObject({ kind: "review_request", body: "Merci { customer.first_name } ! Votre avis ?" });
    expect(await reviewsOf(s.customer.id)).toEqual([]);

    await sendDueScheduledMessages(database.db, new Date(Date.now() + 120 * 60_000));
    const [review] = await reviewsOf(s.customer.id);
    const [message] = await sentTo(s.customer.id);
    expect(review).toMatchObject({ requestedByUserId: s.author.id, messageId: message!.id });
    expect(message!.body).toBe(`Merci Julie ! Votre avis ?\n${APP_URL}/r/${review!.publicToken}\n- Alex Martin`);
    expect(await reload(row.id)).toMatchObject({ status: "sent", reviewRequestId: review!.id });
  });

  it("without a text, a scheduled review request keeps the default request in the customer's language, shown before it goes", async () => {
    const s = await setup();
    const row = await scheduledReview(s);
    expect(row.body).toBe("Merci de votre visite! Comment s'est-elle passée? Dites-le-nous en une minute :");
  });

  it("a customer who texted STOP meanwhile gets nothing, no link is created, and the reason stays in the conversation", async () => {
    const s = await setup();
    const sessionsBefore = stripe.created.length;
    const payment = await scheduledPayment(s);
    const review = await scheduledReview(s);
    await database.db.update(customers).set({ optedOutAt: new Date() }).where(eq(customers.id, s.customer.id));

    expect(await wakeUp(payment)).toEqual({ sent: false, reason: "opted_out" });
    expect(await wakeUp(review)).toEqual({ sent: false, reason: "opted_out" });
    expect(await sentTo(s.customer.id)).toEqual([]);
    expect(stripe.created.length).toBe(sessionsBefore);
    expect(await paymentsOf(s.customer.id)).toEqual([]);
    expect(await reviewsOf(s.customer.id)).toEqual([]);

    const banner = await listScheduledInBanner(database.db, { companyId: s.company.id, customerId: s.customer.id });
    expect(banner.map((item) => [item.kind, item.status, item.failureReason])).toEqual([
      ["payment_request", "failed", "opted_out"],
      ["review_request", "failed", "opted_out"],
    ]);
    const told = await database.db.select().from(notifications).where(eq(notifications.userId, s.author.id));
    expect(told.map((n) => [n.kind, n.data.reason])).toEqual([
      ["scheduled.failed", "opted_out"],
      ["scheduled.failed", "opted_out"],
    ]);

    // Staff dismiss what they have read; another company cannot.
    const other = await setup();
    expect(await dismissScheduledMessage.run(other.context, { id: payment.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await dismissScheduledMessage.run(s.context, { id: payment.id })).toEqual({ ok: true, data: { id: payment.id } });
    expect((await listScheduledInBanner(database.db, { companyId: s.company.id, customerId: s.customer.id })).map((item) => item.id)).toEqual([review.id]);
  });

  it("a customer unsubscribed from general messages is skipped with that reason", async () => {
    const s = await setup();
    const row = await scheduledReview(s);
    await database.db.update(customers).set({ subscribedGeneral: false }).where(eq(customers.id, s.customer.id));
    expect(await wakeUp(row)).toEqual({ sent: false, reason: "unsubscribed_general" });
    expect(await reviewsOf(s.customer.id)).toEqual([]);
  });

  it("when Stripe is no longer configured at send time, the row fails with a clear reason instead of crashing", async () => {
    const s = await setup();
    const row = await scheduledPayment(s);
    useStripe(null);
    try {
      expect(await wakeUp(row)).toEqual({ sent: false, reason: "payments_not_configured" });
      expect(await schedulePaymentRequest.run(s.context, { conversationId: s.conversation.id, amount: "10", reference: "A1", body: "Facture", sendAt: inMinutes(60) })).toEqual({
        ok: false,
        error: "payments.notConfigured",
      });
    } finally {
      useStripe({ client: stripe.client, webhookSecret: stripe.webhookSecret });
    }
    expect(await reload(row.id)).toMatchObject({ status: "failed", failureReason: "payments_not_configured" });
    expect(await sentTo(s.customer.id)).toEqual([]);
    expect(await paymentsOf(s.customer.id)).toEqual([]);
  });

  it("a scheduled payment's amount, reference, text and time can be edited, and it can be deleted", async () => {
    const s = await setup();
    const row = await scheduledPayment(s);
    const edited = await updateScheduledMessage.run(s.context, { id: row.id, body: "Votre facture corrigée.", sendAt: inMinutes(120), amount: "400", reference: "RO-1" });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await reload(row.id)).toMatchObject({ body: "Votre facture corrigée.", amountCents: 40000, reference: "RO-1" });
    expect(await wakeUp({ ...row, version: 2 })).toMatchObject({ sent: true });
    const [request] = await paymentsOf(s.customer.id);
    expect(request).toMatchObject({ amountCents: 40000, reference: "RO-1" });

    const second = await scheduledPayment(s);
    expect(await deleteScheduledMessage.run(s.context, { id: second.id })).toEqual({ ok: true, data: { id: second.id } });
    expect(await wakeUp(second)).toMatchObject({ sent: false });
    expect(await paymentsOf(s.customer.id)).toHaveLength(1);
  });

  it("refuses a time in the past, a bad amount and another company's conversation", async () => {
    const s = await setup();
    const base = { conversationId: s.conversation.id, amount: "10", reference: "A1", body: "Facture", sendAt: inMinutes(60) };
    expect(await schedulePaymentRequest.run(s.context, { ...base, sendAt: inMinutes(-5) })).toEqual({ ok: false, error: "scheduled.inPast" });
    expect(await schedulePaymentRequest.run(s.context, { ...base, amount: "0" })).toMatchObject({ ok: false, fieldErrors: { amount: ["payments.amountRange"] } });
    const other = await setup();
    expect(await schedulePaymentRequest.run(s.context, { ...base, conversationId: other.conversation.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await scheduleReviewRequest.run(s.context, { conversationId: other.conversation.id, sendAt: inMinutes(60) })).toEqual({ ok: false, error: "errors.notFound" });
  });
});
