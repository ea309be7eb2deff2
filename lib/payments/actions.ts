"use server";

import { z } from "zod";
import { findConversation } from "@/db/queries/conversations";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { requestPayment } from "./payments";
import { stripeOrNull } from "./stripe";
import { paymentRequestSchema } from "./validation";

export const createPaymentRequest = defineAction(
  { input: paymentRequestSchema, output: z.object({ id: z.string(), token: z.string(), url: z.string(), messageId: z.string() }) },
  async ({ conversationId, amount, reference, body }, { db, companyId, userId }) => {
    const stripe = stripeOrNull();
    if (!stripe) throw new SafeError("payments.notConfigured");
    const conversation = await findConversation(db, { companyId, conversationId });
    if (!conversation) throw new NotFoundError();
    return requestPayment(db, stripe.client, { companyId, userId, customerId: conversation.customerId, conversationId, amountCents: amount, reference, body });
  },
);
