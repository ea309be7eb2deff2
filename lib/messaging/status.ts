import "server-only";
import type { Db } from "@/db/client";
import { advanceMessageStatus, findOutboundMessageForReport, setProviderMessageId } from "@/db/queries/message-status";
import type { MessageStatus } from "@/db/schema";
import { publish } from "@/lib/live/bus";
import { notify } from "@/lib/notifications/notify";
import { nudgeWebhookDelivery, recordWebhookEvent } from "@/lib/webhooks/record";
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
        payload: { message: { id: message.id, conversation_id: message.conversationId, customer_id: message.customerId, status: advanced.status, error_code: advanced.errorCode ?? null, at: (report.at ?? new Date()).toISOString() } },
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
