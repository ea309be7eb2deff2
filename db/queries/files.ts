import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments } from "@/db/schema";

/** Deletes a note's attachment rows and returns them, so the caller can remove the stored files. */
export async function deleteNoteAttachments(db: Db, { companyId, noteId }: { companyId: string; noteId: string }) {
  return db.delete(attachments).where(and(eq(attachments.companyId, companyId), eq(attachments.noteId, noteId))).returning();
}
