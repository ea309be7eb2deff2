import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { savedReplies } from "@/db/schema";

export async function listSavedReplies(db: Db, { companyId, query }: { companyId: string; query?: string }) {
  const search = query?.trim() ? `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({ id: savedReplies.id, title: savedReplies.title, body: savedReplies.body, updatedAt: savedReplies.updatedAt })
    .from(savedReplies)
    .where(and(eq(savedReplies.companyId, companyId), search ? or(ilike(savedReplies.title, search), ilike(savedReplies.body, search)) : undefined))
    .orderBy(asc(savedReplies.title))
    .limit(200);
}
