import { z } from "zod";

/** A language as people name it ("English", "español", "fr-CA"). */
export const languageSchema = z.string().trim().min(2, { message: "ai.languageRequired" }).max(40).regex(/^[\p{L}\s()-]+$/u, { message: "ai.languageRequired" });

export const rewriteSchema = z.object({
  text: z.string().trim().min(1, { message: "ai.textRequired" }).max(1600, { message: "conversations.tooLong" }),
});

export const translateDraftSchema = rewriteSchema.extend({
  language: languageSchema,
  /** Fill the attributes for this conversation's customer first (saved replies, EDIT-12). */
  fillForConversationId: z.uuid().optional(),
});

export const translateMessageSchema = z.object({ messageId: z.uuid(), language: languageSchema });
