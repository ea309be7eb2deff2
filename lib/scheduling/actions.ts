"use server";

import { z } from "zod";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { findConversation } from "@/db/queries/conversations";
import { findCustomer } from "@/db/queries/customers";
import { listUnsentUploadIds } from "@/db/queries/files";
import { cancelPendingScheduled, dismissFailedScheduled, insertScheduledMessage, updatePendingScheduled, type ScheduledRequest } from "@/db/queries/scheduling";
import { messageScheduled } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { stripeOrNull } from "@/lib/payments/stripe";
import { reviewRequestText } from "@/lib/reviews/reviews";
import { assertValidTemplate } from "@/lib/templates/validate";
import { zonedLocalToUtc } from "@/lib/time";
import {
  deleteScheduledSchema,
  dismissScheduledSchema,
  scheduleMessageSchema,
  schedulePaymentRequestSchema,
  scheduleReviewRequestSchema,
  updateScheduledSchema,
} from "./validation";

const MAX_AHEAD_MS = 366 * 86_400_000;

async function sendTime(db: Db, companyId: string, local: string, now = new Date()) {
  const company = await findCompany(db, { companyId });
  const sendAt = zonedLocalToUtc(local, company!.timezone);
  if (sendAt.getTime() <= now.getTime()) throw new SafeError("scheduled.inPast");
  if (sendAt.getTime() - now.getTime() > MAX_AHEAD_MS) throw new SafeError("scheduled.tooFar");
  return sendAt;
}

const scheduledOutput = z.object({ id: z.string(), sendAt: z.string() });

/** The row first, then the timer as a nudge (the sweep sends it if the nudge is lost). */
async function schedule(
  db: Db,
  { companyId, userId, conversationId, body, local, attachmentIds = [], request }: { companyId: string; userId: string; conversationId: string; body: string; local: string; attachmentIds?: string[]; request?: ScheduledRequest },
) {
  const conversation = await findConversation(db, { companyId, conversationId });
  if (!conversation) throw new NotFoundError();
  await assertValidTemplate(db, companyId, body);
  const sendAt = await sendTime(db, companyId, local);
  const row = await insertScheduledMessage(db, { companyId, customerId: conversation.customerId, authorUserId: userId, body, sendAt, attachmentIds, request });
  await nudge(messageScheduled.create({ id: row.id, version: row.version, sendAt: sendAt.toISOString() }));
  publish(companyId, { type: "scheduled.updated", customerId: conversation.customerId });
  return { id: row.id, sendAt: sendAt.toISOString() };
}

/** EDIT-11: a message to send later. */
export const scheduleMessage = defineAction({ input: scheduleMessageSchema, output: scheduledOutput }, async ({ conversationId, body, sendAt: local, attachmentIds }, { db, companyId, userId }) => {
  // The files must be this company's uploads that belong to nothing yet.
  const free = await listUnsentUploadIds(db, { companyId, attachmentIds });
  if (free.length !== new Set(attachmentIds).size) throw new SafeError("files.notAvailable");
  return schedule(db, { companyId, userId, conversationId, body, local, attachmentIds });
});

/** EDIT-11 + EDIT-6: the payment link is created when the text goes, not now. */
export const schedulePaymentRequest = defineAction(
  { input: schedulePaymentRequestSchema, output: scheduledOutput },
  async ({ conversationId, amount, reference, body, sendAt: local }, { db, companyId, userId }) => {
    if (!stripeOrNull()) throw new SafeError("payments.notConfigured");
    const company = await findCompany(db, { companyId });
    return schedule(db, { companyId, userId, conversationId, body, local, request: { kind: "payment_request", amountCents: amount, currency: company!.currency, reference } });
  },
);

/** EDIT-11 + EDIT-10: the review link is created when the text goes, not now. */
export const scheduleReviewRequest = defineAction({ input: scheduleReviewRequestSchema, output: scheduledOutput }, async ({ conversationId, body, sendAt: local }, { db, companyId, userId }) => {
  const conversation = await findConversation(db, { companyId, conversationId });
  if (!conversation) throw new NotFoundError();
  const customer = await findCustomer(db, { companyId, customerId: conversation.customerId });
  if (!customer) throw new NotFoundError();
  // The text staff will see in the banner is the one sent: the default is filled in now.
  return schedule(db, { companyId, userId, conversationId, body: reviewRequestText(customer.language, body), local, request: { kind: "review_request" } });
});

/** Edits text and time (and a payment's amount and reference); the new version is what will be sent. */
export const updateScheduledMessage = defineAction(
  { input: updateScheduledSchema, output: z.object({ id: z.string(), version: z.number(), sendAt: z.string() }) },
  async ({ id, body, sendAt: local, amount, reference }, { db, companyId }) => {
    await assertValidTemplate(db, companyId, body);
    const sendAt = await sendTime(db, companyId, local);
    const payment = amount !== undefined && reference !== undefined ? { amountCents: amount, reference } : undefined;
    const row = await updatePendingScheduled(db, { companyId, id, body, sendAt, payment });
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

/** A failed scheduled message was seen (its reason shown in the banner): it leaves the banner. */
export const dismissScheduledMessage = defineAction({ input: dismissScheduledSchema, output: z.object({ id: z.string() }) }, async ({ id }, { db, companyId }) => {
  const row = await dismissFailedScheduled(db, { companyId, id, now: new Date() });
  if (!row) throw new NotFoundError();
  publish(companyId, { type: "scheduled.updated", customerId: row.customerId });
  return { id };
});
