import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { attributeDefinitions } from "@/db/queries/attributes";
import { requirePermission } from "@/lib/auth/session";
import { attributeCatalogue } from "@/lib/templates/catalogue";
import { AttributesManager } from "./attributes-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("customAttributes") };
}

export default async function CustomAttributesPage() {
  const { db, companyId } = await requirePermission("manageCompany");
  const [catalogue, definitions, t] = await Promise.all([
    attributeCatalogue(db, { companyId }),
    attributeDefinitions(db, { companyId }),
    getTranslations("attributeNames"),
  ]);
  return (
    <AttributesManager
      builtIn={catalogue.filter((entry) => entry.builtIn).map((entry) => ({ path: entry.path, group: entry.group, label: t.has(entry.path) ? t(entry.path) : entry.path }))}
      custom={definitions.map((d) => ({ id: d.id, category: d.category, key: d.key, label: d.label, type: d.type, options: d.options }))}
    />
  );
}
