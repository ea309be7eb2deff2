import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxEmails, type OutboxAttachment } from "@/db/schema";

/** The local outbox is the installation's, not a company's (no SMTP server configured). */
export async function insertOutboxEmail(db: Db, email: { to: string; subject: string; text: string; html: string | null; attachments?: OutboxAttachment[]; headers?: Record<string, string> }) {
  await db.insert(outboxEmails).values(email);
}

export async function listOutboxEmails(db: Db, { limit }: { limit: number }) {
  return db.select().from(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(limit);
}

export async function findOutboxEmail(db: Db, { emailId }: { emailId: string }) {
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, emailId));
  return row;
}
