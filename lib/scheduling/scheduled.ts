import "server-only";
import type { Db } from "@/db/client";
import { findActiveConversation } from "@/db/queries/conversations";
import { claimDueScheduled, setScheduledOutcome, listDueScheduledIds, type ScheduledMessageRow } from "@/db/queries/scheduling";
import { publish } from "@/lib/live/bus";
import { sendSms, type SendDependencies, type SentMessage } from "@/lib/messaging/send";
import { notify } from "@/lib/notifications/notify";
import { linkRequestToMessage, prepareRequestLink, type PreparedRequest, type RequestLinkFailure, type RequestToPrepare } from "@/lib/messaging/request-links";

/** Why a scheduled request could not even be prepared (the sending gate's refusals aside). */
export type ScheduledFailure = RequestLinkFailure;

/** A scheduled request gets its link only now, when it is due (lib/messaging/request-links). */
function prepare(db: Db, row: ScheduledMessageRow, now: Date): Promise<PreparedRequest> {
  const request: RequestToPrepare["request"] =
    row.kind === "payment_request" ? { kind: row.kind, amountCents: row.amountCents!, reference: row.reference!, currency: row.currency } : { kind: row.kind };
  return prepareRequestLink(db, { companyId: row.companyId, customerId: row.customerId, userId: row.authorUserId, body: row.body, category: "general", request }, now);
}

async function fail(db: Db, row: ScheduledMessageRow, reason: string) {
  await setScheduledOutcome(db, { companyId: row.companyId, id: row.id, outcome: { status: "failed", failureReason: reason } });
  if (!row.authorUserId) return;
  const conversationId = (await findActiveConversation(db, { companyId: row.companyId, customerId: row.customerId }))?.id;
  await notify(db, {
    companyId: row.companyId,
    userIds: [row.authorUserId],
    kind: "scheduled.failed",
    data: { scheduledMessageId: row.id, reason, customerId: row.customerId, kind: row.kind },
    link: conversationId ? `/conversations/${conversationId}` : undefined,
  });
}

/**
 * Sends one scheduled message (or payment or review request) if it is still the version
 * that was scheduled and its time has come. The conditional claim makes a duplicate
 * wake-up, an edited or a deleted message do nothing. A refusal (the customer opted out
 * meanwhile, payments switched off) is recorded, shown in the conversation, and the author
 * told why.
 */
export async function sendScheduledMessage(db: Db, { id, version, now = new Date() }: { id: string; version?: number; now?: Date }, dependencies: SendDependencies = {}) {
  const claimed = await claimDueScheduled(db, { id, version, now });
  if (!claimed) return { sent: false as const, reason: "not_due_or_changed" };

  let prepared: PreparedRequest | undefined;
  let result: { ok: true; message: SentMessage } | { ok: false; reason: string };
  try {
    prepared = await prepare(db, claimed, now);
    result = prepared.ok
      ? await sendSms(
          db,
          {
            companyId: claimed.companyId,
            customerId: claimed.customerId,
            body: prepared.body,
            category: "general",
            source: { kind: "scheduled", id: claimed.id },
            senderUserId: claimed.authorUserId,
            sign: true,
            attachmentIds: claimed.attachmentIds,
          },
          { ...dependencies, now },
        )
      : prepared;
  } catch (error) {
    // Put it back: the sweep tries again, with a fresh link.
    if (prepared?.ok) await prepared.discard().catch(() => undefined);
    await setScheduledOutcome(db, { companyId: claimed.companyId, id, outcome: { status: "pending" } });
    throw error;
  }
  if (result.ok) {
    const link = prepared.ok ? prepared.link : null;
    if (link) await linkRequestToMessage(db, { companyId: claimed.companyId, link, message: result.message });
    await setScheduledOutcome(db, { companyId: claimed.companyId, id, outcome: { status: "sent", messageId: result.message.id, ...link } });
  } else {
    if (prepared.ok) await prepared.discard();
    await fail(db, claimed, result.reason);
  }
  publish(claimed.companyId, { type: "scheduled.updated", customerId: claimed.customerId });
  if (result.ok) publish(claimed.companyId, { type: "conversation.updated", conversationId: result.message.conversationId });
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
