import { findConversation } from "@/db/queries/conversations";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { requestPayment } from "./payments";
import { configuredStripe } from "./stripe";
import { paymentRequestSchema } from "./validation";

let override: ReturnType<typeof configuredStripe> | undefined;
/** Tests point payments at a Stripe client talking to a local fake server. */
export function useStripe(stripe: ReturnType<typeof configuredStripe> | undefined) {
  override = stripe;
}

export function stripeOrNull() {
  return override !== undefined ? override : configuredStripe();
}

export const createPaymentRequest = defineAction({ input: paymentRequestSchema }, async ({ conversationId, amount, reference, body }, { db, companyId, userId }) => {
  const stripe = stripeOrNull();
  if (!stripe) throw new SafeError("payments.notConfigured");
  const conversation = await findConversation(db, { companyId, conversationId });
  if (!conversation) throw new NotFoundError();
  return requestPayment(db, stripe.client, { companyId, userId, customerId: conversation.customerId, conversationId, amountCents: amount, reference, body });
});
