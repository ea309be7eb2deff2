import { z } from "zod";

export const addNoteSchema = z
  .object({
    conversationId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    body: z.string().trim().min(1, { message: "notes.bodyRequired" }).max(4000, { message: "notes.bodyTooLong" }),
    mentions: z
      .object({ userIds: z.array(z.uuid()).max(50).default([]), teamIds: z.array(z.uuid()).max(20).default([]) })
      .default({ userIds: [], teamIds: [] }),
    replyToNoteId: z.uuid().optional(),
    attachmentIds: z.array(z.uuid()).max(10).default([]),
  })
  .refine((value) => Boolean(value.conversationId) !== Boolean(value.customerId), { message: "notes.targetRequired", path: ["conversationId"] });

export const deleteNoteSchema = z.object({ id: z.uuid() });
