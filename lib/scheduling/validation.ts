import { z } from "zod";
import { amountSchema } from "@/lib/payments/amount";
import { paymentRequestSchema } from "@/lib/payments/validation";
import { reviewRequestSchema } from "@/lib/reviews/validation";
import { localDateTimeSchema } from "@/lib/time";

export const scheduleMessageSchema = z.object({
  conversationId: z.uuid(),
  body: z.string().trim().min(1, { message: "scheduled.bodyRequired" }).max(1600, { message: "conversations.tooLong" }),
  /** In the company's time zone, as typed in a datetime-local field. */
  sendAt: localDateTimeSchema,
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});

/** EDIT-11: a payment request sent later; its Stripe link is created when it is sent. */
export const schedulePaymentRequestSchema = paymentRequestSchema.extend({ sendAt: localDateTimeSchema });

/** EDIT-11: a review request sent later; its review link is created when it is sent. */
export const scheduleReviewRequestSchema = reviewRequestSchema.extend({ sendAt: localDateTimeSchema });

export const updateScheduledSchema = z.object({
  id: z.uuid(),
  body: z.string().trim().min(1, { message: "scheduled.bodyRequired" }).max(1600, { message: "conversations.tooLong" }),
  sendAt: localDateTimeSchema,
  /** Only for a scheduled payment request: both, or neither. */
  amount: amountSchema.optional(),
  reference: z.string().trim().min(1, { message: "payments.referenceRequired" }).max(40, { message: "payments.referenceTooLong" }).optional(),
});

export const deleteScheduledSchema = z.object({ id: z.uuid() });

export const dismissScheduledSchema = z.object({ id: z.uuid() });
