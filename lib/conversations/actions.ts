"use server";

import { z } from "zod";
import { nudgeWebhookDelivery, recordWebhookEvent } from "@/lib/webhooks/record";
import { findConversation, setConversationStatus } from "@/db/queries/conversations";
import { findCustomer, listCustomers } from "@/db/queries/customers";
import { listInbox } from "@/db/queries/inbox";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { sendSms } from "@/lib/messaging/send";
import { assignConversations, parseAssignee } from "./assign";
import { ensureActiveConversation } from "./thread";
import {
  assignSchema,
  findCustomersSchema,
  inboxPageSchema,
  loadInboxSchema,
  sendReplySchema,
  setStatusSchema,
  startConversationSchema,
} from "./validation";

/** CONV-4: anyone may reply; the conversation stays with its assignee. */
export const sendReply = defineAction(
  { input: sendReplySchema, output: z.object({ id: z.string(), status: z.string(), errorCode: z.string().nullable() }) },
  async ({ conversationId, body, attachmentIds, original }, { db, companyId, userId }) => {
    const conversation = await findConversation(db, { companyId, conversationId });
    if (!conversation) throw new NotFoundError();
    const result = await sendSms(db, {
      companyId,
      customerId: conversation.customerId,
      body,
      category: "general",
      source: { kind: "manual" },
      senderUserId: userId,
      assignTo: { userId, teamId: null },
      attachmentIds,
      original,
    });
    if (!result.ok) throw new SafeError(`sendRefusal.${result.reason}`);
    return { id: result.message.id, status: result.message.status, errorCode: result.message.errorCode };
  },
);

export const assign = defineAction({ input: assignSchema, output: z.object({ assigned: z.number() }) }, async ({ to, conversationIds, filter }, { db, companyId, userId }) => {
  const target = parseAssignee(to);
  if (!conversationIds && !filter) throw new SafeError("errors.invalidInput");
  const selection = conversationIds ? { conversationIds } : { filter: filter! };
  return assignConversations(db, { companyId, userId, selection, target });
});

export const setStatus = defineAction(
  { input: setStatusSchema, output: z.object({ id: z.string(), status: z.enum(["open", "closed"]) }) },
  async ({ conversationId, status }, { db, companyId, userId }) => {
    const updated = await db.transaction(async (tx) => {
      const row = await setConversationStatus(tx, { companyId, conversationId, status });
      if (row?.status === "closed") {
        await recordWebhookEvent(tx, {
          companyId,
          type: "conversation.closed",
          customerId: row.customerId,
          payload: { conversation: { id: row.id, customer_id: row.customerId, closed_at: row.closedAt?.toISOString() ?? null, closed_by_user_id: userId, reason: "manual" } },
        });
      }
      return row;
    });
    if (!updated) throw new NotFoundError();
    publish(companyId, { type: "conversation.updated", conversationId });
    if (updated.status === "closed") await nudgeWebhookDelivery();
    return updated;
  },
);

export const loadInboxPage = defineAction({ input: loadInboxSchema, output: inboxPageSchema }, async ({ filter, cursor }, { db, companyId, userId }) => {
  const page = await listInbox(db, { companyId, userId, filter, cursor });
  return {
    rows: page.rows.map((row) => ({ ...row, lastActivityAt: row.lastActivityAt.toISOString(), lastInboundAt: row.lastInboundAt?.toISOString() ?? null })),
    nextCursor: page.nextCursor,
  };
});

/** "New message": opens the customer's conversation, starting one assigned to the writer if needed. */
export const startConversation = defineAction(
  { input: startConversationSchema, output: z.object({ conversationId: z.string() }) },
  async ({ customerId }, { db, companyId, userId }) => {
    const customer = await findCustomer(db, { companyId, customerId });
    if (!customer || customer.mergedIntoId) throw new NotFoundError();
    // An empty conversation would stay behind in the inbox with nobody to text.
    if (!customer.mobile) throw new SafeError("conversations.noMobile");
    const conversation = await ensureActiveConversation(db, { companyId, customerId, assignTo: { userId, teamId: null }, now: new Date() });
    if (conversation.created || conversation.reopened) await nudgeWebhookDelivery();
    return { conversationId: conversation.id };
  },
);

export const findCustomersToMessage = defineAction(
  {
    input: findCustomersSchema,
    output: z.array(z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), mobile: z.string().nullable(), optedOut: z.boolean() })),
  },
  async ({ query }, { db, companyId }) => {
    const { customers } = await listCustomers(db, { companyId, query, limit: 8 });
    return customers.map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, mobile: c.mobile, optedOut: c.optedOutAt !== null }));
  },
);
