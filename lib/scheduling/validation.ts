import { z } from "zod";
import { localDateTimeSchema } from "@/lib/time";

export const scheduleMessageSchema = z.object({
  conversationId: z.uuid(),
  body: z.string().trim().min(1, { message: "scheduled.bodyRequired" }).max(1600, { message: "conversations.tooLong" }),
  /** In the company's time zone, as typed in a datetime-local field. */
  sendAt: localDateTimeSchema,
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});

export const updateScheduledSchema = z.object({
  id: z.uuid(),
  body: z.string().trim().min(1, { message: "scheduled.bodyRequired" }).max(1600, { message: "conversations.tooLong" }),
  sendAt: localDateTimeSchema,
});

export const deleteScheduledSchema = z.object({ id: z.uuid() });
