import { eq } from "drizzle-orm";
import { messages, notifications, paymentRequests } from "@/db/schema";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { createPaymentRequest } from "./actions";
import { useStripe } from "./stripe";
import { checkoutUrl, findPaymentRequestByToken } from "./payments";
import { PDFDocument } from "pdf-lib";
import { receiptPdf } from "./receipt";

const database = withTestDatabase();
const stripe = withFakeStripe();

async function setup() {
  const db = database.db;
  const company = await createCompany(db, { name: "Garage Lavoie", currency: "CAD" });
  const sender = await createUser(db, company.id);
  const colleague = await createUser(db, company.id);
  const customer = await createCustomer(db, company.id, { firstName: "Julie", language: "fr" });
  const conversation = await createConversation(db, company.id, customer.id);
  return { db, company, sender, colleague, customer, conversation, context: contextFor(db, sender, company.id) };
}

async function requested(s: Awaited<ReturnType<typeof setup>>) {
  const result = await createPaymentRequest.run(s.context, { conversationId: s.conversation.id, amount: "389,95 $", reference: "RO-48213", body: "Bonjour { customer.first_name }, voici votre facture." });
  if (!result.ok) throw new Error(result.error);
  const [row] = await database.db.select().from(paymentRequests).where(eq(paymentRequests.id, result.data.id));
  return row!;
}

let eventCounter = 0;
const eventId = () => `evt_${++eventCounter}_${Date.now()}`;
const reload = async (id: string) => (await database.db.select().from(paymentRequests).where(eq(paymentRequests.id, id)))[0]!;

describe("payment requests (EDIT-6, PLAT-2)", () => {
  it("creates a Stripe Checkout Session and texts the short secure link", async () => {
    const s = await setup();
    const row = await requested(s);
    expect(row).toMatchObject({ amountCents: 38995, currency: "CAD", reference: "RO-48213", status: "pending" });
    const form = stripe.created.at(-1)!;
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("38995");
    expect(form.get("line_items[0][price_data][currency]")).toBe("cad");
    expect(form.get("line_items[0][price_data][product_data][name]")).toBe("Garage Lavoie — RO-48213");
    expect(form.get("client_reference_id")).toBe(row.id);
    const [message] = await database.db.select().from(messages).where(eq(messages.id, row.messageId!));
    expect(message!.body).toBe(`Bonjour Julie, voici votre facture.\nhttp://localhost:3000/pay/${row.publicToken}\n- ${s.sender.name}`);
    expect(await checkoutUrl(database.db, stripe.client, row)).toBe(`https://checkout.stripe.test/pay/${row.stripeSessionId}`);
  });

  it("refuses a missing reference, a bad amount, another company's conversation, and explains when Stripe is not set up", async () => {
    const s = await setup();
    expect(await createPaymentRequest.run(s.context, { conversationId: s.conversation.id, amount: "12,345", reference: "", body: "Facture" })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["payments.amountInvalid"], reference: ["payments.referenceRequired"] },
    });
    expect(await createPaymentRequest.run(s.context, { conversationId: s.conversation.id, amount: "0", reference: "A1", body: "Facture" })).toMatchObject({ fieldErrors: { amount: ["payments.amountRange"] } });
    const other = await setup();
    expect(await createPaymentRequest.run(s.context, { conversationId: other.conversation.id, amount: "10", reference: "A1", body: "Facture" })).toEqual({ ok: false, error: "errors.notFound" });
    useStripe(null);
    try {
      expect(await createPaymentRequest.run(s.context, { conversationId: s.conversation.id, amount: "10", reference: "A1", body: "Facture" })).toEqual({ ok: false, error: "payments.notConfigured" });
    } finally {
      useStripe({ client: stripe.client, webhookSecret: stripe.webhookSecret });
    }
  });
});

describe("POST /api/webhooks/stripe", () => {
  it("marks the request paid exactly once, with the receipt, and tells the sender and the others", async () => {
    const s = await setup();
    const row = await requested(s);
    stripe.pay(row.stripeSessionId!);
    const event = { id: eventId(), type: "checkout.session.completed", sessionId: row.stripeSessionId! };
    const response = await stripeWebhook(stripe.webhook(event));
    expect(response.status).toBe(200);
    expect((await response.json()).result).toEqual({ status: "paid" });
    const paid = await reload(row.id);
    expect(paid).toMatchObject({ status: "paid", stripePaymentIntentId: `pi_${row.stripeSessionId}`, receiptUrl: `https://pay.stripe.test/receipts/${row.stripeSessionId}` });
    expect((await (await stripeWebhook(stripe.webhook(event))).json()).result).toEqual({ status: "duplicate" });
    expect((await (await stripeWebhook(stripe.webhook({ ...event, id: eventId(), type: "checkout.session.async_payment_succeeded" }))).json()).result).toEqual({ status: "paid" });
    expect((await reload(row.id)).paidAt).toEqual(paid.paidAt);
    const kinds = async (userId: string) => (await database.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);
    expect(await kinds(s.sender.id)).toEqual(["payment.paid_mine"]);
    expect(await kinds(s.colleague.id)).toEqual(["payment.paid_others"]);
  });

  it("waits for the money when the session completed unpaid, and takes the later success", async () => {
    const s = await setup();
    const row = await requested(s);
    stripe.pay(row.stripeSessionId!, { settled: false });
    expect((await (await stripeWebhook(stripe.webhook({ id: eventId(), type: "checkout.session.completed", sessionId: row.stripeSessionId! }))).json()).result).toEqual({ status: "not_paid_yet" });
    expect((await reload(row.id)).status).toBe("pending");
    stripe.pay(row.stripeSessionId!);
    expect((await (await stripeWebhook(stripe.webhook({ id: eventId(), type: "checkout.session.async_payment_succeeded", sessionId: row.stripeSessionId! }))).json()).result).toEqual({ status: "paid" });
  });

  it("refuses a bad or missing signature with 400 and changes nothing", async () => {
    const s = await setup();
    const row = await requested(s);
    stripe.pay(row.stripeSessionId!);
    const event = { id: eventId(), type: "checkout.session.completed", sessionId: row.stripeSessionId! };
    expect((await stripeWebhook(stripe.webhook(event, { secret: "whsec_wrong" }))).status).toBe(400);
    expect((await stripeWebhook(stripe.webhook(event, { signed: false }))).status).toBe(400);
    expect((await reload(row.id)).status).toBe("pending");
  });

  it("acknowledges a session it does not know, and other event types, without changes", async () => {
    await setup();
    expect((await (await stripeWebhook(stripe.webhook({ id: eventId(), type: "checkout.session.completed", sessionId: "cs_test_unknown" }))).json()).result).toEqual({
      status: "unknown_session",
    });
    expect((await (await stripeWebhook(stripe.webhook({ id: eventId(), type: "customer.created", sessionId: "x" }))).json()).result).toEqual({ status: "ignored" });
  });
});

describe("receipts", () => {
  it("are a PDF in the customer's language", async () => {
    const s = await setup();
    const row = await requested(s);
    const pdf = await receiptPdf({ request: { ...row, status: "paid", paidAt: new Date() }, company: s.company, customer: s.customer });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const document = await PDFDocument.load(pdf);
    expect(document.getTitle()).toBe("Reçu de paiement RO-48213");
    expect(document.getPageCount()).toBe(1);
    expect(await findPaymentRequestByToken(database.db, row.publicToken)).toMatchObject({ id: row.id });
  });
});
