import { and, asc, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, scheduledMessages } from "@/db/schema";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { notify } from "@/lib/notifications/notify";

export async function listPendingScheduled(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  return db
    .select()
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.companyId, companyId), eq(scheduledMessages.customerId, customerId), eq(scheduledMessages.status, "pending")))
    .orderBy(asc(scheduledMessages.sendAt));
}

/**
 * Sends one scheduled message if it is still the version that was scheduled and its time
 * has come. The conditional claim makes a duplicate wake-up, an edited or a deleted
 * message do nothing. A refusal (the customer opted out meanwhile) is recorded and the
 * author told why.
 */
export async function sendScheduledMessage(db: Db, { id, version, now = new Date() }: { id: string; version?: number; now?: Date }, dependencies: SendDependencies = {}) {
  const [claimed] = await db
    .update(scheduledMessages)
    .set({ status: "sending" })
    .where(
      and(
        eq(scheduledMessages.id, id),
        eq(scheduledMessages.status, "pending"),
        lte(scheduledMessages.sendAt, now),
        version === undefined ? undefined : eq(scheduledMessages.version, version),
      ),
    )
    .returning();
  if (!claimed) return { sent: false as const, reason: "not_due_or_changed" };

  let result: Awaited<ReturnType<typeof sendSms>>;
  try {
    result = await sendSms(
      db,
      {
        companyId: claimed.companyId,
        customerId: claimed.customerId,
        body: claimed.body,
        category: "general",
        source: { kind: "scheduled", id: claimed.id },
        senderUserId: claimed.authorUserId,
        sign: true,
        attachmentIds: claimed.attachmentIds,
      },
      { ...dependencies, now },
    );
  } catch (error) {
    // Put it back: the sweep tries again.
    await db.update(scheduledMessages).set({ status: "pending" }).where(eq(scheduledMessages.id, id));
    throw error;
  }
  if (result.ok) {
    await db.update(scheduledMessages).set({ status: "sent", messageId: result.message.id }).where(eq(scheduledMessages.id, id));
  } else {
    await db.update(scheduledMessages).set({ status: "failed", failureReason: result.reason }).where(eq(scheduledMessages.id, id));
    if (claimed.authorUserId) {
      const conversationId = await activeConversationId(db, claimed.companyId, claimed.customerId);
      await notify(db, {
        companyId: claimed.companyId,
        userIds: [claimed.authorUserId],
        kind: "scheduled.failed",
        data: { scheduledMessageId: id, reason: result.reason, customerId: claimed.customerId },
        link: conversationId ? `/conversations/${conversationId}` : undefined,
      });
    }
  }
  publish(claimed.companyId, { type: "scheduled.updated", customerId: claimed.customerId });
  return result.ok ? { sent: true as const, messageId: result.message.id } : { sent: false as const, reason: result.reason };
}

/** The sweep: every due scheduled message a lost event or a restart left behind. */
export async function sendDueScheduledMessages(db: Db, now = new Date()) {
  const due = await db
    .select({ id: scheduledMessages.id })
    .from(scheduledMessages)
    .where(and(eq(scheduledMessages.status, "pending"), lte(scheduledMessages.sendAt, now)))
    .orderBy(asc(scheduledMessages.sendAt))
    .limit(100);
  let sent = 0;
  for (const { id } of due) {
    const result = await sendScheduledMessage(db, { id, now }).catch((error: unknown) => {
      console.error("[scheduled] send failed; will retry", error);
      return { sent: false };
    });
    if (result.sent) sent++;
  }
  return { due: due.length, sent };
}


async function activeConversationId(db: Db, companyId: string, customerId: string) {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), eq(conversations.customerId, customerId), eq(conversations.archived, false)));
  return row?.id;
}
