import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments } from "@/db/schema";

/** Deletes a note's attachment rows and returns them, so the caller can remove the stored files. */
export async function deleteNoteAttachments(db: Db, { companyId, noteId }: { companyId: string; noteId: string }) {
  return db.delete(attachments).where(and(eq(attachments.companyId, companyId), eq(attachments.noteId, noteId))).returning();
}

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentOwner = { messageId: string } | { noteId: string } | { eventId: string };

export async function insertAttachment(db: Db, values: Omit<typeof attachments.$inferInsert, "id" | "createdAt">) {
  const [row] = await db.insert(attachments).values(values).returning();
  return row!;
}

/** Gives the company's uploads that belong to nothing yet to an owner; returns those it took. */
export async function claimUploads(
  db: Db,
  { companyId, customerId, attachmentIds, owner }: { companyId: string; customerId: string; attachmentIds: string[]; owner: AttachmentOwner },
) {
  return db
    .update(attachments)
    .set({ ...owner, customerId })
    .where(
      and(
        eq(attachments.companyId, companyId),
        inArray(attachments.id, attachmentIds),
        isNull(attachments.messageId),
        isNull(attachments.noteId),
        isNull(attachments.eventId),
      ),
    )
    .returning();
}

/** The company's files among these ids, in the order given (missing ones left out). */
export async function listAttachmentsByIds(db: Db, { companyId, attachmentIds }: { companyId: string; attachmentIds: string[] }) {
  if (attachmentIds.length === 0) return [];
  const rows = await db.select().from(attachments).where(and(eq(attachments.companyId, companyId), inArray(attachments.id, attachmentIds)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return attachmentIds.flatMap((id) => byId.get(id) ?? []);
}

/** Which of these uploads are the company's and not yet on a message or note. */
export async function listUnsentUploadIds(db: Db, { companyId, attachmentIds }: { companyId: string; attachmentIds: string[] }) {
  if (attachmentIds.length === 0) return [];
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.companyId, companyId), inArray(attachments.id, attachmentIds), isNull(attachments.messageId), isNull(attachments.noteId)));
  return rows.map((row) => row.id);
}

export async function setAttachmentOwner(
  db: Db,
  { companyId, attachmentId, customerId, owner }: { companyId: string; attachmentId: string; customerId: string; owner: AttachmentOwner },
) {
  await db
    .update(attachments)
    .set({ ...owner, customerId })
    .where(and(eq(attachments.companyId, companyId), eq(attachments.id, attachmentId)));
}

export async function findAttachment(db: Db, { companyId, attachmentId }: { companyId: string; attachmentId: string }) {
  const [row] = await db.select().from(attachments).where(and(eq(attachments.companyId, companyId), eq(attachments.id, attachmentId)));
  return row;
}

/** The public file page (`/f/<token>`): the unguessable token is the only key, across companies. */
export async function findAttachmentByToken(db: Db, { token }: { token: string }) {
  const [row] = await db.select().from(attachments).where(eq(attachments.publicToken, token));
  return row;
}
