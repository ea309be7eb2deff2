import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxEmails } from "@/db/schema";

/** The local outbox is the installation's, not a company's (no SMTP server configured). */
export async function insertOutboxEmail(db: Db, email: { to: string; subject: string; text: string; html: string | null }) {
  await db.insert(outboxEmails).values(email);
}

export async function listOutboxEmails(db: Db, { limit }: { limit: number }) {
  return db.select().from(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(limit);
}
