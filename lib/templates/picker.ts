import "server-only";
import { getTranslations } from "next-intl/server";
import type { Db } from "@/db/client";
import { attributeCatalogue } from "./catalogue";

/** The attribute picker's entries, named in the user's language. */
export async function pickerAttributes(db: Db, companyId: string) {
  const [catalogue, t] = await Promise.all([attributeCatalogue(db, { companyId }), getTranslations("attributeNames")]);
  return catalogue.map((entry) => ({ path: entry.path, group: entry.group, label: entry.label ?? (t.has(entry.path) ? t(entry.path) : entry.path), type: entry.type }));
}
