import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { findCompany } from "@/db/queries/companies";
import { findConversation } from "@/db/queries/conversations";
import { attachments, scheduledMessages } from "@/db/schema";
import { messageScheduled } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { assertValidTemplate } from "@/lib/templates/validate";
import { zonedLocalToUtc } from "@/lib/time";
import { deleteScheduledSchema, scheduleMessageSchema, updateScheduledSchema } from "./validation";

const MAX_AHEAD_MS = 366 * 86_400_000;

async function sendTime(db: Parameters<typeof findCompany>[0], companyId: string, local: string, now = new Date()) {
  const company = await findCompany(db, { companyId });
  const sendAt = zonedLocalToUtc(local, company!.timezone);
  if (sendAt.getTime() <= now.getTime()) throw new SafeError("scheduled.inPast");
  if (sendAt.getTime() - now.getTime() > MAX_AHEAD_MS) throw new SafeError("scheduled.tooFar");
  return sendAt;
}

/** EDIT-11: a message to send later, stored as a row first; the timer is a nudge. */
export const scheduleMessage = defineAction({ input: scheduleMessageSchema }, async ({ conversationId, body, sendAt: local, attachmentIds }, { db, companyId, userId }) => {
  const conversation = await findConversation(db, { companyId, conversationId });
  if (!conversation) throw new NotFoundError();
  await assertValidTemplate(db, companyId, body);
  const sendAt = await sendTime(db, companyId, local);
  if (attachmentIds.length) {
    // The files must be this company's uploads that belong to nothing yet.
    const free = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.companyId, companyId), inArray(attachments.id, attachmentIds), isNull(attachments.messageId), isNull(attachments.noteId)));
    if (free.length !== new Set(attachmentIds).size) throw new SafeError("files.notAvailable");
  }
  const [row] = await db
    .insert(scheduledMessages)
    .values({ companyId, customerId: conversation.customerId, authorUserId: userId, body, sendAt, attachmentIds })
    .returning();
  await nudge(messageScheduled.create({ id: row!.id, version: row!.version, sendAt: sendAt.toISOString() }));
  publish(companyId, { type: "scheduled.updated", customerId: conversation.customerId });
  return { id: row!.id, sendAt: sendAt.toISOString() };
});

/** Edits text and time; the new version is what will be sent (an older timer does nothing). */
export const updateScheduledMessage = defineAction({ input: updateScheduledSchema }, async ({ id, body, sendAt: local }, { db, companyId }) => {
  await assertValidTemplate(db, companyId, body);
  const sendAt = await sendTime(db, companyId, local);
  const [row] = await db
    .update(scheduledMessages)
    .set({ body, sendAt, version: sql`${scheduledMessages.version} + 1` })
    .where(and(eq(scheduledMessages.companyId, companyId), eq(scheduledMessages.id, id), eq(scheduledMessages.status, "pending")))
    .returning();
  if (!row) throw new NotFoundError();
  await nudge(messageScheduled.create({ id: row.id, version: row.version, sendAt: sendAt.toISOString() }));
  publish(companyId, { type: "scheduled.updated", customerId: row.customerId });
  return { id: row.id, version: row.version, sendAt: sendAt.toISOString() };
});

export const deleteScheduledMessage = defineAction({ input: deleteScheduledSchema }, async ({ id }, { db, companyId }) => {
  const [row] = await db
    .update(scheduledMessages)
    .set({ status: "cancelled" })
    .where(and(eq(scheduledMessages.companyId, companyId), eq(scheduledMessages.id, id), eq(scheduledMessages.status, "pending")))
    .returning();
  if (!row) throw new NotFoundError();
  publish(companyId, { type: "scheduled.updated", customerId: row.customerId });
  return { id };
});
