import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages, type MessageStatus } from "@/db/schema";
import { publish } from "@/lib/live/bus";
import { notify } from "@/lib/notifications/notify";
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
  const byClientRef = report.clientRef && UUID.test(report.clientRef) ? eq(messages.id, report.clientRef) : undefined;
  const byProviderId = report.providerMessageId
    ? and(eq(messages.provider, report.provider), eq(messages.providerMessageId, report.providerMessageId))
    : undefined;
  const match = byClientRef && byProviderId ? or(byClientRef, byProviderId) : (byClientRef ?? byProviderId);
  if (!match) return { applied: false, reason: "unknown_message" };
  const [message] = await db.select().from(messages).where(and(match, eq(messages.direction, "outbound"))).limit(1);
  if (!message) return { applied: false, reason: "unknown_message" };

  if (report.providerMessageId && !message.providerMessageId) {
    await db
      .update(messages)
      .set({ providerMessageId: report.providerMessageId })
      .where(and(eq(messages.id, message.id), isNull(messages.providerMessageId)));
  }
  const at = report.at ?? new Date();
  const [updated] = await db
    .update(messages)
    .set({
      status: report.status,
      statusUpdatedAt: at,
      ...(report.status === "sent" ? { sentAt: at } : {}),
      ...(report.status === "delivered" ? { deliveredAt: at, errorCode: null, errorText: null, sentAt: sql`coalesce(${messages.sentAt}, ${at.toISOString()}::timestamptz)` } : {}),
      ...(report.status === "failed" ? { errorCode: report.errorCode ?? "unknown", errorText: report.errorDetail ?? null } : {}),
    })
    .where(and(eq(messages.id, message.id), inArray(messages.status, lowerThan(report.status))))
    .returning();
  if (!updated) return { applied: false, messageId: message.id, reason: "not_newer" };

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
