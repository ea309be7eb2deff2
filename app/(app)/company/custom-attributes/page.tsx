import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { and, asc, eq } from "drizzle-orm";
import { customAttributeDefinitions } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/session";
import { attributeCatalogue } from "@/lib/templates/catalogue";
import { AttributesManager } from "./attributes-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("customAttributes") };
}

export default async function CustomAttributesPage() {
  const { db, companyId } = await requireAdmin();
  const [catalogue, definitions, t] = await Promise.all([
    attributeCatalogue(db, { companyId }),
    db.select().from(customAttributeDefinitions).where(and(eq(customAttributeDefinitions.companyId, companyId))).orderBy(asc(customAttributeDefinitions.label)),
    getTranslations("attributeNames"),
  ]);
  return (
    <AttributesManager
      builtIn={catalogue.filter((entry) => entry.builtIn).map((entry) => ({ path: entry.path, group: entry.group, label: t.has(entry.path) ? t(entry.path) : entry.path }))}
      custom={definitions.map((d) => ({ id: d.id, category: d.category, key: d.key, label: d.label, type: d.type, options: d.options }))}
    />
  );
}
