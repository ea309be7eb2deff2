"use server";

import { z } from "zod";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findConversation } from "@/db/queries/conversations";
import { listUnsentUploadIds } from "@/db/queries/files";
import { cancelPendingScheduled, insertScheduledMessage, updatePendingScheduled } from "@/db/queries/scheduling";
import { messageScheduled } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { assertValidTemplate } from "@/lib/templates/validate";
import { zonedLocalToUtc } from "@/lib/time";
import { deleteScheduledSchema, scheduleMessageSchema, updateScheduledSchema } from "./validation";

const MAX_AHEAD_MS = 366 * 86_400_000;

async function sendTime(db: Db, companyId: string, local: string, now = new Date()) {
  const company = await findCompany(db, { companyId });
  const sendAt = zonedLocalToUtc(local, company!.timezone);
  if (sendAt.getTime() <= now.getTime()) throw new SafeError("scheduled.inPast");
  if (sendAt.getTime() - now.getTime() > MAX_AHEAD_MS) throw new SafeError("scheduled.tooFar");
  return sendAt;
}

/** EDIT-11: a message to send later, stored as a row first; the timer is a nudge. */
export const scheduleMessage = defineAction(
  { input: scheduleMessageSchema, output: z.object({ id: z.string(), sendAt: z.string() }) },
  async ({ conversationId, body, sendAt: local, attachmentIds }, { db, companyId, userId }) => {
    const conversation = await findConversation(db, { companyId, conversationId });
    if (!conversation) throw new NotFoundError();
    await assertValidTemplate(db, companyId, body);
    const sendAt = await sendTime(db, companyId, local);
    // The files must be this company's uploads that belong to nothing yet.
    const free = await listUnsentUploadIds(db, { companyId, attachmentIds });
    if (free.length !== new Set(attachmentIds).size) throw new SafeError("files.notAvailable");
    const row = await insertScheduledMessage(db, { companyId, customerId: conversation.customerId, authorUserId: userId, body, sendAt, attachmentIds });
    await nudge(messageScheduled.create({ id: row.id, version: row.version, sendAt: sendAt.toISOString() }));
    publish(companyId, { type: "scheduled.updated", customerId: conversation.customerId });
    return { id: row.id, sendAt: sendAt.toISOString() };
  },
);

/** Edits text and time; the new version is what will be sent (an older timer does nothing). */
export const updateScheduledMessage = defineAction(
  { input: updateScheduledSchema, output: z.object({ id: z.string(), version: z.number(), sendAt: z.string() }) },
  async ({ id, body, sendAt: local }, { db, companyId }) => {
    await assertValidTemplate(db, companyId, body);
    const sendAt = await sendTime(db, companyId, local);
    const row = await updatePendingScheduled(db, { companyId, id, body, sendAt });
    if (!row) throw new NotFoundError();
    await nudge(messageScheduled.create({ id: row.id, version: row.version, sendAt: sendAt.toISOString() }));
    publish(companyId, { type: "scheduled.updated", customerId: row.customerId });
    return { id: row.id, version: row.version, sendAt: sendAt.toISOString() };
  },
);

export const deleteScheduledMessage = defineAction({ input: deleteScheduledSchema, output: z.object({ id: z.string() }) }, async ({ id }, { db, companyId }) => {
  const row = await cancelPendingScheduled(db, { companyId, id });
  if (!row) throw new NotFoundError();
  publish(companyId, { type: "scheduled.updated", customerId: row.customerId });
  return { id };
});
