import "server-only";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, savedReplies } from "@/db/schema";

export async function listSavedReplies(db: Db, { companyId, query }: { companyId: string; query?: string }) {
  const search = query?.trim() ? `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({ id: savedReplies.id, title: savedReplies.title, body: savedReplies.body, updatedAt: savedReplies.updatedAt })
    .from(savedReplies)
    .where(and(eq(savedReplies.companyId, companyId), search ? or(ilike(savedReplies.title, search), ilike(savedReplies.body, search)) : undefined))
    .orderBy(asc(savedReplies.title))
    .limit(200);
}

export async function insertSavedReply(db: Db, values: { companyId: string; title: string; body: string; createdByUserId: string }) {
  const [row] = await db.insert(savedReplies).values(values).returning();
  return row!;
}

export async function updateSavedReplyRow(db: Db, { companyId, id, title, body }: { companyId: string; id: string; title: string; body: string }) {
  const [row] = await db
    .update(savedReplies)
    .set({ title, body })
    .where(and(eq(savedReplies.companyId, companyId), eq(savedReplies.id, id)))
    .returning();
  return row;
}

export async function deleteSavedReplyRow(db: Db, { companyId, id }: { companyId: string; id: string }) {
  const [row] = await db
    .delete(savedReplies)
    .where(and(eq(savedReplies.companyId, companyId), eq(savedReplies.id, id)))
    .returning({ id: savedReplies.id });
  return row;
}

/** Who may edit saved replies (EDIT-4): a setting on the company row. */
export async function setSavedReplyEditorsRole(db: Db, { companyId, role }: { companyId: string; role: "admin" | "agent" }) {
  await db.update(companies).set({ savedReplyEditorsRole: role }).where(eq(companies.id, companyId));
}
