import "server-only";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findActiveConversation } from "@/db/queries/conversations";
import { findCustomer } from "@/db/queries/customers";
import { updatePaymentRequest } from "@/db/queries/payments";
import { deleteReview, setReviewMessage } from "@/db/queries/reviews";
import { SafeError } from "@/lib/actions/errors";
import { createPaymentLink, withRequestLink } from "@/lib/payments/payments";
import { stripeOrNull } from "@/lib/payments/stripe";
import { createReviewLink } from "@/lib/reviews/reviews";
import { sendRefusal, type MessageCategory } from "./sendability";

/** Why a request's link could not even be made (the sending gate's refusals aside). */
export type RequestLinkFailure = "payments_not_configured" | "payment_link_failed";

export type RequestLink = { paymentRequestId: string } | { reviewRequestId: string };

export type PreparedRequest =
  | { ok: true; body: string; link: RequestLink | null; discard: () => Promise<void> }
  | { ok: false; reason: string };

export type RequestToPrepare = {
  companyId: string;
  customerId: string;
  /** Who asks (the payment's requester, the review's). */
  userId: string | null;
  body: string;
  category: MessageCategory;
  request:
    | { kind: "message" }
    | { kind: "review_request" }
    | { kind: "payment_request"; amountCents: number; reference: string; currency?: string | null };
};

const noLink = async () => {};

/**
 * A payment or review request gets its link only when it is sent (a scheduled message,
 * each recipient of a campaign): a link made weeks early could expire or be paid twice.
 * Nothing is created for a customer who can no longer be texted, and a failure names its
 * reason instead of throwing. `discard` undoes the link when the text is then refused.
 */
export async function prepareRequestLink(db: Db, input: RequestToPrepare, now: Date): Promise<PreparedRequest> {
  const { companyId, customerId, request } = input;
  if (request.kind === "message") return { ok: true, body: input.body, link: null, discard: noLink };
  const [customer, company] = await Promise.all([findCustomer(db, { companyId, customerId }), findCompany(db, { companyId })]);
  if (!customer || !company || customer.mergedIntoId) return { ok: false, reason: "customer_not_found" };
  const refusal = sendRefusal(customer, company, input.category, now);
  if (refusal) return { ok: false, reason: refusal };

  if (request.kind === "review_request") {
    const review = await createReviewLink(db, { companyId, customerId, userId: input.userId });
    return { ok: true, body: withRequestLink(input.body, review.url), link: { reviewRequestId: review.id }, discard: () => deleteReview(db, { companyId, reviewId: review.id }) };
  }
  const stripe = stripeOrNull();
  if (!stripe) return { ok: false, reason: "payments_not_configured" satisfies RequestLinkFailure };
  const conversationId = (await findActiveConversation(db, { companyId, customerId }))?.id ?? null;
  try {
    const payment = await createPaymentLink(db, stripe.client, {
      companyId,
      userId: input.userId,
      customerId,
      conversationId,
      amountCents: request.amountCents,
      reference: request.reference,
      currency: request.currency,
    });
    return {
      ok: true,
      body: withRequestLink(input.body, payment.url),
      link: { paymentRequestId: payment.id },
      discard: () => updatePaymentRequest(db, { companyId, paymentRequestId: payment.id, changes: { status: "cancelled" } }),
    };
  } catch (error) {
    if (error instanceof SafeError) return { ok: false, reason: "payment_link_failed" satisfies RequestLinkFailure };
    throw error;
  }
}

/** The request made at send time now points at the text that carried it. */
export async function linkRequestToMessage(db: Db, { companyId, link, message }: { companyId: string; link: RequestLink; message: { id: string; conversationId: string } }) {
  if ("reviewRequestId" in link) return setReviewMessage(db, { companyId, reviewId: link.reviewRequestId, messageId: message.id });
  await updatePaymentRequest(db, { companyId, paymentRequestId: link.paymentRequestId, changes: { messageId: message.id, conversationId: message.conversationId } });
}
