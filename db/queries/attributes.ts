import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customAttributeDefinitions, type AttributeCategory } from "@/db/schema";

/** The company's custom attributes of one category, by label. */
export async function attributeDefinitions(db: Db, { companyId, category }: { companyId: string; category: AttributeCategory }) {
  return db
    .select()
    .from(customAttributeDefinitions)
    .where(and(eq(customAttributeDefinitions.companyId, companyId), eq(customAttributeDefinitions.category, category)))
    .orderBy(asc(customAttributeDefinitions.label));
}
