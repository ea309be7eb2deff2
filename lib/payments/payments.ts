import "server-only";
import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import {
  findPaymentRequestBySession,
  findPaymentRequestByToken as findPaymentRequestRowByToken,
  insertPaymentRequest,
  markPaymentRequestPaid,
  recordStripeEvent,
  stripeEventSeen,
  updatePaymentRequest,
  type PaymentRequestRow,
} from "@/db/queries/payments";
import { listCompanyUsers } from "@/db/queries/users";
import { SafeError } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies, type SendRequest } from "@/lib/messaging/send";
import { announceNotifications, recordNotifications } from "@/lib/notifications/notify";

export const payUrl = (token: string) => new URL(`/pay/${token}`, env().APP_URL).toString();

async function checkoutSession(stripe: Stripe, request: PaymentRequestRow, companyName: string, email: string | null) {
  return stripe.checkout.sessions.create({
    mode: "payment",
    client_reference_id: request.id,
    metadata: { paymentRequestId: request.id, companyId: request.companyId },
    customer_email: email ?? undefined,
    line_items: [
      {
        quantity: 1,
        price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amountCents, product_data: { name: `${companyName} — ${request.reference}` } },
      },
    ],
    payment_intent_data: { metadata: { paymentRequestId: request.id } },
    success_url: `${payUrl(request.publicToken)}?paid=1`,
    cancel_url: payUrl(request.publicToken),
  });
}

/**
 * The payment request and its Stripe Checkout Session, ready to be texted: what a request
 * sent now and a scheduled one (at its time, not before) both create.
 */
export async function createPaymentLink(
  db: Db,
  stripe: Stripe,
  {
    companyId,
    userId,
    customerId,
    conversationId,
    amountCents,
    reference,
    currency,
  }: { companyId: string; userId: string | null; customerId: string; conversationId: string | null; amountCents: number; reference: string; currency?: string | null },
) {
  const company = await findCompany(db, { companyId });
  const customer = await findCustomer(db, { companyId, customerId });
  if (!company || !customer) throw new SafeError("errors.notFound");
  const request = await insertPaymentRequest(db, {
    companyId,
    customerId,
    conversationId,
    amountCents,
    // A scheduled request asks for the currency staff saw when they scheduled it.
    currency: currency ?? company.currency,
    reference,
    publicToken: randomBytes(18).toString("base64url"),
    createdByUserId: userId,
  });
  let session: Stripe.Checkout.Session;
  try {
    session = await checkoutSession(stripe, request, company.name, customer.email);
  } catch (error) {
    console.error("[payments] Stripe refused the checkout session", error);
    await updatePaymentRequest(db, { companyId, paymentRequestId: request.id, changes: { status: "failed" } });
    throw new SafeError("payments.stripeFailed");
  }
  await updatePaymentRequest(db, { companyId, paymentRequestId: request.id, changes: { stripeSessionId: session.id } });
  return { ...request, stripeSessionId: session.id, url: payUrl(request.publicToken) };
}

/** The text sent: the template as written, then the link on its own line (EDIT-8: never altered). */
export const withRequestLink = (body: string, url: string) => `${body}\n${url}`;

/**
 * EDIT-6: creates the request and its Stripe Checkout Session, then texts the customer
 * the short secure link to /pay/[token] through the sending gate.
 */
export async function requestPayment(
  db: Db,
  stripe: Stripe,
  {
    companyId,
    userId,
    customerId,
    conversationId,
    amountCents,
    reference,
    body,
    source = { kind: "manual" },
    subjects,
  }: {
    companyId: string;
    userId: string | null;
    customerId: string;
    conversationId: string | null;
    amountCents: number;
    reference: string;
    body: string;
    /** Who sends it: a user (manual, signed) or an automation's result. */
    source?: SendRequest["source"];
    /** The appointment or event its template may name. */
    subjects?: SendRequest["subjects"];
  },
  dependencies: SendDependencies = {},
) {
  const request = await createPaymentLink(db, stripe, { companyId, userId, customerId, conversationId, amountCents, reference });
  const update = (changes: Parameters<typeof updatePaymentRequest>[1]["changes"]) => updatePaymentRequest(db, { companyId, paymentRequestId: request.id, changes });
  const sent = await sendSms(
    db,
    { companyId, customerId, body: withRequestLink(body, request.url), category: "general", source, subjects, senderUserId: source.kind === "manual" ? userId : null },
    dependencies,
  );
  if (!sent.ok) {
    await update({ status: "cancelled" });
    throw new SafeError(`sendRefusal.${sent.reason}`);
  }
  await update({ messageId: sent.message.id });
  if (sent.message.conversationId) publish(companyId, { type: "conversation.updated", conversationId: sent.message.conversationId });
  return { id: request.id, token: request.publicToken, url: request.url, messageId: sent.message.id };
}

export const findPaymentRequestByToken = (db: Db, token: string) => findPaymentRequestRowByToken(db, { token });

/** Where /pay/[token] sends the customer: the open Checkout page, a fresh one when it expired. */
export async function checkoutUrl(db: Db, stripe: Stripe, request: PaymentRequestRow) {
  if (request.stripeSessionId) {
    const session = await stripe.checkout.sessions.retrieve(request.stripeSessionId);
    if (session.status === "open" && session.url) return session.url;
    if (session.payment_status === "paid") return null;
  }
  const company = await findCompany(db, { companyId: request.companyId });
  const customer = await findCustomer(db, { companyId: request.companyId, customerId: request.customerId });
  const session = await checkoutSession(stripe, request, company!.name, customer?.email ?? null);
  await updatePaymentRequest(db, { companyId: request.companyId, paymentRequestId: request.id, changes: { stripeSessionId: session.id } });
  return session.url;
}

const PAYING_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/**
 * PLAT-2: a verified Stripe event. The session is read again from Stripe and its state
 * written, so a repeated, late or reordered event marks the request paid exactly once.
 */
export async function applyStripeEvent(db: Db, stripe: Stripe, event: Stripe.Event) {
  if (await stripeEventSeen(db, { eventId: event.id })) return { status: "duplicate" as const };
  let outcome: { status: "paid" | "ignored" | "unknown_session" | "not_paid_yet" };
  if (!PAYING_EVENTS.has(event.type)) outcome = { status: "ignored" };
  else {
    const sessionId = (event.data.object as { id: string }).id;
    const request = await findPaymentRequestBySession(db, { stripeSessionId: sessionId });
    const session = request ? await stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] }) : null;
    if (!request || !session) outcome = { status: "unknown_session" };
    else if (session.payment_status !== "paid") outcome = { status: "not_paid_yet" };
    else {
      await markPaid(db, request, session);
      outcome = { status: "paid" };
    }
  }
  await recordStripeEvent(db, { eventId: event.id });
  return outcome;
}

async function markPaid(db: Db, request: PaymentRequestRow, session: Stripe.Checkout.Session) {
  const intent = typeof session.payment_intent === "object" ? session.payment_intent : null;
  const charge = intent && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const notified = await db.transaction(async (tx) => {
    const paid = await markPaymentRequestPaid(tx, {
      companyId: request.companyId,
      paymentRequestId: request.id,
      paidAt: new Date(),
      stripePaymentIntentId: intent?.id ?? (session.payment_intent as string | null),
      receiptUrl: charge?.receipt_url ?? null,
    });
    if (!paid) return [];
    // USER-5: "paid invoices I sent" for the sender, "…others sent" for everyone else.
    const everyone = (await listCompanyUsers(tx, { companyId: request.companyId })).map((u) => u.id);
    const data = { paymentRequestId: request.id, customerId: request.customerId, amountCents: request.amountCents, currency: request.currency, reference: request.reference };
    const link = request.conversationId ? `/conversations/${request.conversationId}` : `/customers/${request.customerId}?tab=invoices`;
    const mine = request.createdByUserId ? await recordNotifications(tx, { companyId: request.companyId, userIds: [request.createdByUserId], kind: "payment.paid_mine", data, link }) : [];
    const others = await recordNotifications(tx, { companyId: request.companyId, userIds: everyone, exceptUserId: request.createdByUserId, kind: "payment.paid_others", data, link });
    return [...mine, ...others];
  });
  announceNotifications(request.companyId, notified);
  if (request.conversationId) publish(request.companyId, { type: "conversation.updated", conversationId: request.conversationId });
  publish(request.companyId, { type: "customer.updated", customerId: request.customerId });
}
