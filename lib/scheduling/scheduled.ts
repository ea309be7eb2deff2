import "server-only";
import type { Db } from "@/db/client";
import { findActiveConversation } from "@/db/queries/conversations";
import { claimDueScheduled, listDueScheduledIds, setScheduledOutcome } from "@/db/queries/scheduling";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { notify } from "@/lib/notifications/notify";

/**
 * Sends one scheduled message if it is still the version that was scheduled and its time
 * has come. The conditional claim makes a duplicate wake-up, an edited or a deleted
 * message do nothing. A refusal (the customer opted out meanwhile) is recorded and the
 * author told why.
 */
export async function sendScheduledMessage(db: Db, { id, version, now = new Date() }: { id: string; version?: number; now?: Date }, dependencies: SendDependencies = {}) {
  const claimed = await claimDueScheduled(db, { id, version, now });
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
    await setScheduledOutcome(db, { companyId: claimed.companyId, id, outcome: { status: "pending" } });
    throw error;
  }
  if (result.ok) {
    await setScheduledOutcome(db, { companyId: claimed.companyId, id, outcome: { status: "sent", messageId: result.message.id } });
  } else {
    await setScheduledOutcome(db, { companyId: claimed.companyId, id, outcome: { status: "failed", failureReason: result.reason } });
    if (claimed.authorUserId) {
      const conversationId = (await findActiveConversation(db, { companyId: claimed.companyId, customerId: claimed.customerId }))?.id;
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
  const due = await listDueScheduledIds(db, { now });
  let sent = 0;
  for (const id of due) {
    const result = await sendScheduledMessage(db, { id, now }).catch((error: unknown) => {
      console.error("[scheduled] send failed; will retry", error);
      return { sent: false };
    });
    if (result.sent) sent++;
  }
  return { due: due.length, sent };
}
