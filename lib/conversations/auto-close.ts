import "server-only";
import type { Db } from "@/db/client";
import { closeInactiveConversations } from "@/db/queries/conversations";
import { nudgeWebhookDelivery, recordWebhookEvents } from "@/lib/webhooks/record";

/**
 * CONV-7: closes open conversations inactive for the company's number of days (1–15;
 * off when unset). One statement for every company; running it twice closes nothing twice.
 * The closings are reported to webhooks in the same transaction, one statement per company.
 */
export async function autoCloseInactiveConversations(db: Db, now = new Date()) {
  const closed = await db.transaction(async (tx) => {
    const rows = await closeInactiveConversations(tx, { now });
    const byCompany = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byCompany.get(row.company_id);
      if (list) list.push(row);
      else byCompany.set(row.company_id, [row]);
    }
    for (const [companyId, closedHere] of byCompany) {
      await recordWebhookEvents(tx, {
        companyId,
        type: "conversation.closed",
        events: closedHere.map((row) => ({
          customerId: row.customer_id,
          payload: { conversation: { id: row.id, customer_id: row.customer_id, closed_at: now.toISOString(), closed_by_user_id: null, reason: "inactivity" } },
        })),
      });
    }
    return rows;
  });
  if (closed.length) await nudgeWebhookDelivery();
  return { closed: closed.length };
}
