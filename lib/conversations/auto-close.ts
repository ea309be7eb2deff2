import "server-only";
import type { Db } from "@/db/client";
import { closeInactiveConversations } from "@/db/queries/conversations";

/**
 * CONV-7: closes open conversations inactive for the company's number of days (1–15;
 * off when unset). One statement for every company; running it twice closes nothing twice.
 */
export async function autoCloseInactiveConversations(db: Db, now = new Date()) {
  const closed = await closeInactiveConversations(db, { now });
  return { closed: closed.length };
}
