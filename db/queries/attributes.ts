import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, customAttributeDefinitions, customerEvents, customers, type AttributeCategory } from "@/db/schema";

export type AttributeDefinitionRow = typeof customAttributeDefinitions.$inferSelect;

/** The company's custom attributes, of one category or all of them, by label. */
export async function attributeDefinitions(db: Db, { companyId, category }: { companyId: string; category?: AttributeCategory }) {
  return db
    .select()
    .from(customAttributeDefinitions)
    .where(and(eq(customAttributeDefinitions.companyId, companyId), category ? eq(customAttributeDefinitions.category, category) : undefined))
    .orderBy(asc(customAttributeDefinitions.label));
}

/** Inserts a definition; undefined when the company already has that key in that category. */
export async function insertAttributeDefinition(db: Db, values: Omit<typeof customAttributeDefinitions.$inferInsert, "id" | "createdAt">) {
  const [created] = await db.insert(customAttributeDefinitions).values(values).onConflictDoNothing().returning();
  return created;
}

export async function deleteAttributeDefinition(db: Db, { companyId, definitionId }: { companyId: string; definitionId: string }) {
  const [deleted] = await db
    .delete(customAttributeDefinitions)
    .where(and(eq(customAttributeDefinitions.companyId, companyId), eq(customAttributeDefinitions.id, definitionId)))
    .returning();
  return deleted;
}

/** Drops one attribute's value from every owner row of its category; answers how many had one. */
export async function removeAttributeValues(db: Db, { companyId, category, key }: { companyId: string; category: AttributeCategory; key: string }) {
  const owners = { customer: customers, appointment: appointments, event: customerEvents }[category];
  const removed = await db
    .update(owners)
    .set({ attributes: sql`${owners.attributes} - ${key}` })
    .where(and(eq(owners.companyId, companyId), sql`${owners.attributes} ? ${key}`))
    .returning({ id: owners.id });
  return removed.length;
}
