import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
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

export type StatusAdvance = { messageId: string; status: MessageStatus; at: Date; errorCode?: string | null; errorText?: string | null; providerMessageId?: string | null };

/**
 * advanceMessageStatus for many messages in one UPDATE … FROM (VALUES …): each moves only
 * from a status `behind(status)` lists; the provider's id is kept when first known. Returns
 * the rows that moved.
 */
export async function advanceMessageStatuses(db: Db, { companyId, advances, behind }: { companyId: string; advances: StatusAdvance[]; behind: (status: MessageStatus) => MessageStatus[] }) {
  if (advances.length === 0) return [];
  const values = sql.join(
    advances.map(
      (row) =>
        sql`(${row.messageId}::uuid, ${row.status}::text, ${row.at.toISOString()}::timestamptz, ${row.errorCode ?? null}::text, ${row.errorText ?? null}::text, ${row.providerMessageId ?? null}::text, ${`{${behind(row.status).join(",")}}`}::text[])`,
    ),
    sql`, `,
  );
  return queryRows<{ id: string; conversation_id: string; customer_id: string; status: MessageStatus; error_code: string | null }>(db, sql`
    update messages m set
      status = v.status,
      status_updated_at = v.at,
      provider_message_id = coalesce(m.provider_message_id, v.provider_message_id),
      sent_at = case when v.status = 'sent' then v.at when v.status = 'delivered' then coalesce(m.sent_at, v.at) else m.sent_at end,
      delivered_at = case when v.status = 'delivered' then v.at else m.delivered_at end,
      error_code = case when v.status = 'delivered' then null when v.status = 'failed' then coalesce(v.error_code, 'unknown') else m.error_code end,
      error_text = case when v.status = 'delivered' then null when v.status = 'failed' then v.error_text else m.error_text end
    from (values ${values}) as v(id, status, at, error_code, error_text, provider_message_id, behind)
    where m.company_id = ${companyId} and m.id = v.id and m.status = any(v.behind)
    returning m.id, m.conversation_id, m.customer_id, m.status, m.error_code`);
}
