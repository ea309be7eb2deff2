import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { findCustomer, listCustomers } from "@/db/queries/customers";
import { attachments, conversations, customerEvents, notes } from "@/db/schema";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { sendSms } from "@/lib/messaging/send";
import { findAttachment } from "./files";
import { defaultStorage } from "./storage";

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

/**
 * EDIT-9: shares a file of a conversation to a customer by message, as a customer or
 * conversation note, or to a repair order. The copy has its own stored bytes and link.
 */
export const shareFile = defineAction({ input: shareFileSchema }, async (input, { db, companyId, userId }) => {
  const source = await findAttachment(db, { companyId, attachmentId: input.attachmentId });
  const customer = await findCustomer(db, { companyId, customerId: input.customerId });
  if (!source || !customer) throw new NotFoundError();
  const storage = defaultStorage();
  const bytes = await storage.get(source.storageKey);
  if (!bytes) throw new NotFoundError();
  const storageKey = `${companyId}/${randomUUID()}`;
  await storage.put(storageKey, bytes, source.contentType);
  const [copy] = await db
    .insert(attachments)
    .values({
      companyId,
      fileName: source.fileName,
      contentType: source.contentType,
      sizeBytes: source.sizeBytes,
      storageKey,
      publicToken: randomBytes(24).toString("base64url"),
      uploadedByUserId: userId,
    })
    .returning();

  if (input.target === "message") {
    const result = await sendSms(db, {
      companyId,
      customerId: customer.id,
      body: input.text,
      category: "general",
      source: { kind: "manual" },
      senderUserId: userId,
      assignTo: { userId, teamId: null },
      attachmentIds: [copy!.id],
    });
    if (!result.ok) throw new SafeError(`sendRefusal.${result.reason}`);
    return { target: input.target, conversationId: result.message.conversationId };
  }
  if (input.target === "repair_order") {
    const [event] = await db
      .select()
      .from(customerEvents)
      .where(and(eq(customerEvents.companyId, companyId), eq(customerEvents.id, input.eventId!), eq(customerEvents.customerId, customer.id)));
    if (!event) throw new NotFoundError();
    await db.update(attachments).set({ eventId: event.id, customerId: customer.id }).where(eq(attachments.id, copy!.id));
    return { target: input.target, eventId: event.id };
  }
  const [conversation] =
    input.target === "conversation_note"
      ? await db
          .select()
          .from(conversations)
          .where(and(eq(conversations.companyId, companyId), eq(conversations.customerId, customer.id), eq(conversations.archived, false)))
      : [undefined];
  if (input.target === "conversation_note" && !conversation) throw new SafeError("files.noConversation");
  const [note] = await db
    .insert(notes)
    .values({ companyId, customerId: customer.id, conversationId: conversation?.id ?? null, authorUserId: userId, body: input.text || source.fileName })
    .returning();
  await db.update(attachments).set({ noteId: note!.id, customerId: customer.id }).where(eq(attachments.id, copy!.id));
  if (conversation) publish(companyId, { type: "conversation.updated", conversationId: conversation.id });
  return { target: input.target, noteId: note!.id };
});

/** Customers to share with, and their repair orders. */
export const shareTargets = defineAction(
  { input: z.object({ query: z.string().trim().max(100).default(""), customerId: z.uuid().optional() }) },
  async ({ query, customerId }, { db, companyId }) => {
    const found = query ? (await listCustomers(db, { companyId, query, limit: 8 })).customers : [];
    const events = customerId
      ? await db
          .select({ id: customerEvents.id, number: customerEvents.number, title: customerEvents.title })
          .from(customerEvents)
          .where(and(eq(customerEvents.companyId, companyId), eq(customerEvents.customerId, customerId)))
          .limit(50)
      : [];
    return { customers: found.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`.trim(), mobile: c.mobile })), events };
  },
);
