import { z } from "zod";
import { amountSchema } from "./amount";

export const paymentRequestSchema = z.object({
  conversationId: z.uuid(),
  amount: amountSchema,
  reference: z.string().trim().min(1, { message: "payments.referenceRequired" }).max(40, { message: "payments.referenceTooLong" }),
  body: z.string().trim().min(1, { message: "conversations.emptyMessage" }).max(1200, { message: "conversations.tooLong" }),
});
