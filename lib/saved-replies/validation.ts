import { z } from "zod";

export const savedReplySchema = z.object({
  title: z.string().trim().min(1, { message: "savedReplies.titleRequired" }).max(80, { message: "savedReplies.titleTooLong" }),
  body: z.string().trim().min(1, { message: "savedReplies.bodyRequired" }).max(1600, { message: "savedReplies.bodyTooLong" }),
});

export const updateSavedReplySchema = savedReplySchema.extend({ id: z.uuid() });
export const deleteSavedReplySchema = z.object({ id: z.uuid() });
export const searchSavedRepliesSchema = z.object({ query: z.string().max(100).default("") });
export const savedReplyEditorsSchema = z.object({ role: z.enum(["admin", "agent"]) });
