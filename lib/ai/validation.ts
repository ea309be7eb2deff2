import { z } from "zod";
import { resolveLanguage } from "./languages";

/**
 * A language to translate into: an ISO code of the list ("es", "zh-Hant"), a name in any
 * language ("Spanish", "espagnol", "español" all become "es"), or another language typed
 * by name ("Mi'kmaq"). Anything else is refused with a clear message.
 */
export const languageSchema = z
  .string({ message: "ai.languageRequired" })
  .trim()
  .min(1, { message: "ai.languageRequired" })
  .max(40, { message: "ai.languageInvalid" })
  .transform((value, ctx) => {
    const language = resolveLanguage(value);
    if (!language) {
      ctx.addIssue({ code: "custom", message: "ai.languageInvalid" });
      return z.NEVER;
    }
    return language;
  });

export const rewriteSchema = z.object({
  text: z.string().trim().min(1, { message: "ai.textRequired" }).max(1600, { message: "conversations.tooLong" }),
});

export const translateDraftSchema = rewriteSchema.extend({
  language: languageSchema,
  /** Fill the attributes for this conversation's customer first (saved replies, EDIT-12). */
  fillForConversationId: z.uuid().optional(),
});

export const translateMessageSchema = z.object({ messageId: z.uuid(), language: languageSchema });

/** What the model answers a translation with (asked for as JSON). */
export const translationAnswerSchema = z.object({
  translation: z.string().trim().min(1),
  source_language: z.string().trim().max(60).nullish(),
});
