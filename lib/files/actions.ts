"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findActiveConversation } from "@/db/queries/conversations";
import { findCustomer, findCustomerEvent, listCustomerEventChoices, listCustomers } from "@/db/queries/customers";
import { findAttachment, insertAttachment, setAttachmentOwner } from "@/db/queries/files";
import { insertNote } from "@/db/queries/notes";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { sendSms } from "@/lib/messaging/send";
import { newPublicToken } from "./files";
import { defaultStorage } from "./storage";
import { shareFileSchema, shareTargetsSchema } from "./validation";

const shared = z.discriminatedUnion("target", [
  z.object({ target: z.literal("message"), conversationId: z.string() }),
  z.object({ target: z.literal("repair_order"), eventId: z.string() }),
  z.object({ target: z.enum(["customer_note", "conversation_note"]), noteId: z.string() }),
]);

/**
 * EDIT-9: shares a file of a conversation to a customer by message, as a customer or
 * conversation note, or to a repair order. The copy has its own stored bytes and link.
 */
export const shareFile = defineAction({ input: shareFileSchema, output: shared }, async (input, { db, companyId, userId }) => {
  const source = await findAttachment(db, { companyId, attachmentId: input.attachmentId });
  const customer = await findCustomer(db, { companyId, customerId: input.customerId });
  if (!source || !customer) throw new NotFoundError();
  const storage = defaultStorage();
  const bytes = await storage.get(source.storageKey);
  if (!bytes) throw new NotFoundError();
  const storageKey = `${companyId}/${randomUUID()}`;
  await storage.put(storageKey, bytes, source.contentType);
  const copy = await insertAttachment(db, {
    companyId,
    fileName: source.fileName,
    contentType: source.contentType,
    sizeBytes: source.sizeBytes,
    storageKey,
    publicToken: newPublicToken(),
    uploadedByUserId: userId,
  });

  if (input.target === "message") {
    const result = await sendSms(db, {
      companyId,
      customerId: customer.id,
      body: input.text,
      category: "general",
      source: { kind: "manual" },
      senderUserId: userId,
      assignTo: { userId, teamId: null },
      attachmentIds: [copy.id],
    });
    if (!result.ok) throw new SafeError(`sendRefusal.${result.reason}`);
    return { target: input.target, conversationId: result.message.conversationId };
  }
  if (input.target === "repair_order") {
    const event = await findCustomerEvent(db, { companyId, customerId: customer.id, eventId: input.eventId! });
    if (!event) throw new NotFoundError();
    await setAttachmentOwner(db, { companyId, attachmentId: copy.id, customerId: customer.id, owner: { eventId: event.id } });
    return { target: input.target, eventId: event.id };
  }
  const conversation = input.target === "conversation_note" ? await findActiveConversation(db, { companyId, customerId: customer.id }) : undefined;
  if (input.target === "conversation_note" && !conversation) throw new SafeError("files.noConversation");
  const note = await insertNote(db, { companyId, customerId: customer.id, conversationId: conversation?.id ?? null, authorUserId: userId, body: input.text || source.fileName });
  await setAttachmentOwner(db, { companyId, attachmentId: copy.id, customerId: customer.id, owner: { noteId: note.id } });
  if (conversation) publish(companyId, { type: "conversation.updated", conversationId: conversation.id });
  return { target: input.target, noteId: note.id };
});

/** Customers to share with, and their repair orders. */
export const shareTargets = defineAction(
  {
    input: shareTargetsSchema,
    output: z.object({
      customers: z.array(z.object({ id: z.string(), name: z.string(), mobile: z.string().nullable() })),
      events: z.array(z.object({ id: z.string(), number: z.string().nullable(), title: z.string() })),
    }),
  },
  async ({ query, customerId }, { db, companyId }) => {
    const found = query ? (await listCustomers(db, { companyId, query, limit: 8 })).customers : [];
    const events = customerId ? await listCustomerEventChoices(db, { companyId, customerId }) : [];
    return { customers: found.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`.trim(), mobile: c.mobile })), events };
  },
);
