import { z } from "zod";

export const shareFileSchema = z
  .object({
    attachmentId: z.uuid(),
    target: z.enum(["message", "customer_note", "conversation_note", "repair_order"]),
    customerId: z.uuid(),
    eventId: z.uuid().optional(),
    text: z.string().trim().max(1600).default(""),
  })
  .refine((value) => value.target !== "message" || value.text.length > 0, { message: "conversations.emptyMessage", path: ["text"] })
  .refine((value) => value.target !== "repair_order" || Boolean(value.eventId), { message: "files.repairOrderRequired", path: ["eventId"] });

export const shareTargetsSchema = z.object({ query: z.string().trim().max(100).default(""), customerId: z.uuid().optional() });
