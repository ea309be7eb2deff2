import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customerGroups } from "@/db/schema";

/** The company's groups among these ids (archived ones too: a rule naming one keeps working). */
export async function findGroupsForRules(db: Db, { companyId, groupIds }: { companyId: string; groupIds: readonly string[] }) {
  if (groupIds.length === 0) return [];
  return db
    .select({ id: customerGroups.id, kind: customerGroups.kind, rules: customerGroups.rules })
    .from(customerGroups)
    .where(and(eq(customerGroups.companyId, companyId), inArray(customerGroups.id, [...groupIds])));
}

/** The rule builder's group picker: the company's groups that are not archived, by name. */
export async function listGroupChoices(db: Db, { companyId }: { companyId: string }) {
  return db
    .select({ id: customerGroups.id, name: customerGroups.name })
    .from(customerGroups)
    .where(and(eq(customerGroups.companyId, companyId), isNull(customerGroups.archivedAt)))
    .orderBy(asc(sql`lower(${customerGroups.name})`))
    .limit(500);
}
