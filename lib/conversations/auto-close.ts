import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/**
 * CONV-7: closes open conversations inactive for the company's number of days (1–15;
 * off when unset). One statement for every company; running it twice closes nothing twice.
 */
export async function autoCloseInactiveConversations(db: Db, now = new Date()) {
  const closed = await queryRows<{ id: string; company_id: string }>(
    db,
    sql`update conversations c
        set status = 'closed', closed_at = ${now.toISOString()}::timestamptz, updated_at = now()
        from companies co
        where co.id = c.company_id
          and co.auto_close_days is not null
          and c.status = 'open'
          and c.archived = false
          and c.last_activity_at < ${now.toISOString()}::timestamptz - make_interval(days => co.auto_close_days)
        returning c.id, c.company_id`,
  );
  return { closed: closed.length };
}
