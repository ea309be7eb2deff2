import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notes } from "@/db/schema";

export type NoteRow = typeof notes.$inferSelect;

export async function findNote(db: Db, { companyId, noteId }: { companyId: string; noteId: string }) {
  const [row] = await db.select().from(notes).where(and(eq(notes.companyId, companyId), eq(notes.id, noteId)));
  return row;
}

export async function insertNote(db: Db, values: Omit<typeof notes.$inferInsert, "id" | "createdAt">) {
  const [row] = await db.insert(notes).values(values).returning();
  return row!;
}

export async function deleteNoteRow(db: Db, { companyId, noteId }: { companyId: string; noteId: string }) {
  await db.delete(notes).where(and(eq(notes.companyId, companyId), eq(notes.id, noteId)));
}
