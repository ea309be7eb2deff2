import { z } from "zod";

export const RESULT_STATUSES = ["pending", "sent", "skipped", "failed"] as const;

export const resultPageSchema = z.object({
  automationId: z.uuid(),
  cursor: z.object({ createdAt: z.iso.datetime({ offset: true }), id: z.uuid() }).nullable().default(null),
  status: z.enum(RESULT_STATUSES).nullable().default(null),
});

export const resultNoteSchema = z.object({
  resultId: z.uuid(),
  body: z.string().trim().min(1, { message: "notes.bodyRequired" }).max(4000, { message: "notes.bodyTooLong" }),
  mentions: z
    .object({ userIds: z.array(z.uuid()).max(50).default([]), teamIds: z.array(z.uuid()).max(20).default([]) })
    .default({ userIds: [], teamIds: [] }),
});
