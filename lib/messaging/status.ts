import "server-only";
import type { Db } from "@/db/client";
import { advanceMessageStatus, advanceMessageStatuses, findOutboundMessageForReport, setProviderMessageId } from "@/db/queries/message-status";
import type { MessageStatus } from "@/db/schema";
import { publish } from "@/lib/live/bus";
import { notify } from "@/lib/notifications/notify";
import { nudgeWebhookDelivery, recordWebhookEvent, recordWebhookEvents } from "@/lib/webhooks/record";
import type { StatusReport } from "./sms/provider";

/** Statuses only move forward: a late "submitted" never undoes "delivered". */
const RANK: Record<MessageStatus, number> = { received: 0, queued: 0, sent: 1, failed: 2, delivered: 3 };
const lowerThan = (status: MessageStatus) => (Object.keys(RANK) as MessageStatus[]).filter((s) => RANK[s] < RANK[status] && s !== "received");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StatusOutcome = { applied: boolean; messageId?: string; reason?: "unknown_message" | "not_newer" };

/**
 * Applies a delivery report from the provider (webhook) or the local channel. Safe to
 * receive twice, late, or before the send call returned: our id travels as client_ref.
 */
export async function applyStatusReport(db: Db, report: StatusReport): Promise<StatusOutcome> {
  const message = await findOutboundMessageForReport(db, {
    clientRef: report.clientRef && UUID.test(report.clientRef) ? report.clientRef : null,
    provider: report.provider,
    providerMessageId: report.providerMessageId ?? null,
  });
  if (!message) return { applied: false, reason: "unknown_message" };

  if (report.providerMessageId && !message.providerMessageId) {
    await setProviderMessageId(db, { companyId: message.companyId, messageId: message.id, providerMessageId: report.providerMessageId });
  }
  const updated = await db.transaction(async (tx) => {
    const advanced = await advanceMessageStatus(tx, {
      companyId: message.companyId,
      messageId: message.id,
      from: lowerThan(report.status),
      status: report.status,
      at: report.at ?? new Date(),
      errorCode: report.errorCode,
      errorText: report.errorDetail,
    });
    if (advanced) {
      await recordWebhookEvent(tx, {
        companyId: message.companyId,
        type: "message.status",
        customerId: message.customerId,
        payload: statusPayload({ id: message.id, conversationId: message.conversationId, customerId: message.customerId, status: advanced.status, errorCode: advanced.errorCode }, report.at ?? new Date()),
      });
    }
    return advanced;
  });
  if (!updated) return { applied: false, messageId: message.id, reason: "not_newer" };
  await nudgeWebhookDelivery();

  publish(message.companyId, { type: "message.status", conversationId: message.conversationId, messageId: message.id, status: updated.status });
  if (updated.status === "failed" && message.senderUserId) {
    await notify(db, {
      companyId: message.companyId,
      userIds: [message.senderUserId],
      kind: "conversation.send_error",
      data: { messageId: message.id, conversationId: message.conversationId, errorCode: updated.errorCode },
      link: `/conversations/${message.conversationId}`,
    });
  }
  return { applied: true, messageId: message.id };
}

/** The message.status webhook event's data. */
function statusPayload(message: { id: string; conversationId: string; customerId: string; status: MessageStatus; errorCode: string | null }, at: Date) {
  return { message: { id: message.id, conversation_id: message.conversationId, customer_id: message.customerId, status: message.status, error_code: message.errorCode ?? null, at: at.toISOString() } };
}

type DeliveredMessage = { id: string; conversationId: string; customerId: string };
const AT_ONCE = ["sent", "delivered"] as const;

/**
 * For texts recorded already delivered (a batch on the local channel, whose receipts are
 * known before the INSERT): the message.status webhook events its two receipts (sent, then
 * delivered) would have recorded, in the caller's transaction. publishDeliveredAtOnce gives
 * the live events after the commit.
 */
export async function recordDeliveredAtOnce(tx: Db, { companyId, messages, at }: { companyId: string; messages: DeliveredMessage[]; at: Date }) {
  for (const status of AT_ONCE) {
    await recordWebhookEvents(tx, {
      companyId,
      type: "message.status",
      events: messages.map((message) => ({ customerId: message.customerId, payload: statusPayload({ ...message, status, errorCode: null }, at) })),
    });
  }
}

export function publishDeliveredAtOnce(companyId: string, messages: DeliveredMessage[]) {
  for (const status of AT_ONCE) for (const message of messages) publish(companyId, { type: "message.status", conversationId: message.conversationId, messageId: message.id, status });
}

/** A report about a message we know (the batch that sent it): no lookup by provider id. */
export type KnownStatusReport = StatusReport & { messageId: string };

/**
 * applyStatusReport for the reports of a batch of one company's messages (a campaign's,
 * which no user sent: no send-error notification): each message's reports in their order,
 * one UPDATE and one webhook INSERT per round. The caller nudges webhook delivery.
 */
export async function applyKnownStatusReports(db: Db, { companyId, reports }: { companyId: string; reports: KnownStatusReport[] }) {
  const rounds: KnownStatusReport[][] = [];
  const seen = new Map<string, number>();
  for (const report of reports) {
    const round = seen.get(report.messageId) ?? 0;
    seen.set(report.messageId, round + 1);
    (rounds[round] ??= []).push(report);
  }
  let applied = 0;
  for (const round of rounds) {
    const at = new Map(round.map((report) => [report.messageId, report.at ?? new Date()]));
    const advanced = await db.transaction(async (tx) => {
      const rows = await advanceMessageStatuses(tx, {
        companyId,
        behind: lowerThan,
        advances: round.map((report) => ({ messageId: report.messageId, status: report.status, at: at.get(report.messageId)!, errorCode: report.errorCode, errorText: report.errorDetail, providerMessageId: report.providerMessageId })),
      });
      await recordWebhookEvents(tx, {
        companyId,
        type: "message.status",
        events: rows.map((row) => ({
          customerId: row.customer_id,
          payload: statusPayload({ id: row.id, conversationId: row.conversation_id, customerId: row.customer_id, status: row.status, errorCode: row.error_code }, at.get(row.id)!),
        })),
      });
      return rows;
    });
    for (const row of advanced) publish(companyId, { type: "message.status", conversationId: row.conversation_id, messageId: row.id, status: row.status });
    applied += advanced.length;
  }
  return applied;
}
