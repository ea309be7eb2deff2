import "server-only";
import type { Db } from "@/db/client";
import { closeInactiveConversations } from "@/db/queries/conversations";
import { nudgeWebhookDelivery, recordWebhookEvent } from "@/lib/webhooks/record";

/**
 * CONV-7: closes open conversations inactive for the company's number of days (1–15;
 * off when unset). One statement for every company; running it twice closes nothing twice.
 * Each closing is reported to webhooks in the same transaction.
 */
export async function autoCloseInactiveConversations(db: Db, now = new Date()) {
  const closed = await db.transaction(async (tx) => {
    const rows = await closeInactiveConversations(tx, { now });
    for (const row of rows) {
      await recordWebhookEvent(tx, {
        companyId: row.company_id,
        type: "conversation.closed",
        customerId: row.customer_id,
        payload: { conversation: { id: row.id, customer_id: row.customer_id, closed_at: now.toISOString(), closed_by_user_id: null, reason: "inactivity" } },
      });
    }
    return rows;
  });
  if (closed.length) await nudgeWebhookDelivery();
  return { closed: closed.length };
}
