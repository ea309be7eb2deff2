import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages } from "@/db/schema";

export type MessageRow = typeof messages.$inferSelect;

export async function findMessage(db: Db, { companyId, messageId }: { companyId: string; messageId: string }) {
  const [row] = await db.select().from(messages).where(and(eq(messages.companyId, companyId), eq(messages.id, messageId)));
  return row;
}

/** An outgoing message, recorded before it is handed to the provider. */
export async function insertOutboundMessage(db: Db, values: Omit<typeof messages.$inferInsert, "id" | "direction">) {
  const [row] = await db
    .insert(messages)
    .values({ ...values, direction: "outbound" })
    .returning();
  return row!;
}

export async function setMessageSegments(
  db: Db,
  { companyId, messageId, encoding, segments }: { companyId: string; messageId: string; encoding: MessageRow["encoding"]; segments: number },
) {
  const [row] = await db
    .update(messages)
    .set({ encoding, segments })
    .where(and(eq(messages.companyId, companyId), eq(messages.id, messageId)))
    .returning();
  return row!;
}

/** EDIT-13: the customer's message in the reader's language, kept under it. */
export async function setMessageTranslation(
  db: Db,
  { companyId, messageId, text, language, sourceLanguage }: { companyId: string; messageId: string; text: string; language: string; sourceLanguage?: string | null },
) {
  // An inbound message is its own original: originalLanguage holds the language it was written in.
  await db
    .update(messages)
    .set({ translatedBody: text, translatedLanguage: language, ...(sourceLanguage !== undefined ? { originalLanguage: sourceLanguage } : {}) })
    .where(and(eq(messages.companyId, companyId), eq(messages.id, messageId)));
}
