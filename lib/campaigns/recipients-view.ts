import { z } from "zod";
import { keysetCursorSchema } from "./list-view";

/** One recipient on the results page as the browser receives it (dates as ISO strings; "delivered" from the carrier's receipt). */
export const recipientViewSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  conversationId: z.string().nullable(),
  status: z.enum(["pending", "sending", "sent", "delivered", "skipped", "failed", "cancelled"]),
  skipReason: z.string().nullable(),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
  replyBody: z.string().nullable(),
  repliedAt: z.string().nullable(),
  optedOutAt: z.string().nullable(),
});
export type RecipientView = z.infer<typeof recipientViewSchema>;

export const recipientNoteSchema = z.object({ id: z.string(), recipientId: z.string(), body: z.string(), authorName: z.string().nullable(), createdAt: z.string() });
export type RecipientNote = z.infer<typeof recipientNoteSchema>;

export const recipientPageSchema = z.object({ rows: z.array(recipientViewSchema), notes: z.array(recipientNoteSchema), nextCursor: keysetCursorSchema.nullable() });
export type RecipientPage = z.infer<typeof recipientPageSchema>;
