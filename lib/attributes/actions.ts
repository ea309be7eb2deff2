import { and, eq, sql } from "drizzle-orm";
import { appointments, customAttributeDefinitions, customerEvents, customers } from "@/db/schema";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { BUILT_IN_ATTRIBUTES } from "@/lib/templates/context";
import { attributeKey, createAttributeSchema, deleteAttributeSchema } from "./validation";

const ADMIN = { roles: ["admin" as const] };

/** EDIT-5: a custom attribute of customers, appointments or events. */
export const createAttribute = defineAction({ input: createAttributeSchema, ...ADMIN }, async ({ category, label, type, options }, { db, companyId }) => {
  const key = attributeKey(label);
  if ((BUILT_IN_ATTRIBUTES as readonly string[]).includes(`${category}.${key}`)) throw new SafeError("attributes.keyReserved", { key });
  const [created] = await db
    .insert(customAttributeDefinitions)
    .values({ companyId, category, key, label, type, options: type === "collection" ? options : [] })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new SafeError("attributes.keyTaken", { key });
  return created;
});

/** Deleting an attribute deletes its values on every customer, appointment or event too. */
export const deleteAttribute = defineAction({ input: deleteAttributeSchema, ...ADMIN }, async ({ id }, { db, companyId }) => {
  return db.transaction(async (tx) => {
    const [definition] = await tx
      .delete(customAttributeDefinitions)
      .where(and(eq(customAttributeDefinitions.companyId, companyId), eq(customAttributeDefinitions.id, id)))
      .returning();
    if (!definition) throw new NotFoundError();
    const owners = { customer: customers, appointment: appointments, event: customerEvents }[definition.category];
    const removed = await tx
      .update(owners)
      .set({ attributes: sql`${owners.attributes} - ${definition.key}` })
      .where(and(eq(owners.companyId, companyId), sql`${owners.attributes} ? ${definition.key}`))
      .returning({ id: owners.id });
    return { id: definition.id, valuesRemoved: removed.length };
  });
});
