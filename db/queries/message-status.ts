import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages, type MessageStatus } from "@/db/schema";

export type MessageRow = typeof messages.$inferSelect;

/**
 * The outbound message a delivery report is about, by our id (client ref) or the
 * provider's id. A webhook knows no company: the message found gives it.
 */
export async function findOutboundMessageForReport(
  db: Db,
  { clientRef, provider, providerMessageId }: { clientRef: string | null; provider: "vonage" | "local"; providerMessageId: string | null },
) {
  const byClientRef = clientRef ? eq(messages.id, clientRef) : undefined;
  const byProviderId = providerMessageId ? and(eq(messages.provider, provider), eq(messages.providerMessageId, providerMessageId)) : undefined;
  const match = byClientRef && byProviderId ? or(byClientRef, byProviderId) : (byClientRef ?? byProviderId);
  if (!match) return undefined;
  const [row] = await db.select().from(messages).where(and(match, eq(messages.direction, "outbound"))).limit(1);
  return row;
}

export async function setProviderMessageId(db: Db, { companyId, messageId, providerMessageId }: { companyId: string; messageId: string; providerMessageId: string }) {
  await db
    .update(messages)
    .set({ providerMessageId })
    .where(and(eq(messages.companyId, companyId), eq(messages.id, messageId), isNull(messages.providerMessageId)));
}

/** Moves the status forward only from one of `from`; undefined when it was not behind. */
export async function advanceMessageStatus(
  db: Db,
  {
    companyId,
    messageId,
    from,
    status,
    at,
    errorCode,
    errorText,
  }: { companyId: string; messageId: string; from: MessageStatus[]; status: MessageStatus; at: Date; errorCode?: string | null; errorText?: string | null },
) {
  const [row] = await db
    .update(messages)
    .set({
      status,
      statusUpdatedAt: at,
      ...(status === "sent" ? { sentAt: at } : {}),
      ...(status === "delivered" ? { deliveredAt: at, errorCode: null, errorText: null, sentAt: sql`coalesce(${messages.sentAt}, ${at.toISOString()}::timestamptz)` } : {}),
      ...(status === "failed" ? { errorCode: errorCode ?? "unknown", errorText: errorText ?? null } : {}),
    })
    .where(and(eq(messages.companyId, companyId), eq(messages.id, messageId), inArray(messages.status, from)))
    .returning();
  return row;
}
