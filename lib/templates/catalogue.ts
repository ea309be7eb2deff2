import "server-only";
import type { Db } from "@/db/client";
import { attributeDefinitions } from "@/db/queries/attributes";
import type { AttributeCategory, AttributeType } from "@/db/schema";
import { BUILT_IN_ATTRIBUTES } from "./context";
import { parseTemplate, TemplateSyntaxError, tokensOf } from "./parse";

export type AttributeGroup = "customer" | "company" | "user" | "appointment" | "event";

export type CatalogueEntry = {
  path: string;
  group: AttributeGroup;
  /** null for built-ins, which the UI names through i18n. */
  label: string | null;
  type: AttributeType | "built_in";
  builtIn: boolean;
};

const groupOf = (path: string) => path.split(".")[0] as AttributeGroup;
const scopeOf: Record<AttributeCategory, AttributeGroup> = { customer: "customer", appointment: "appointment", event: "event" };

/** Every attribute a template of this company may use: built-ins and custom definitions. */
export async function attributeCatalogue(db: Db, { companyId }: { companyId: string }): Promise<CatalogueEntry[]> {
  // By label from the query; a stable sort groups them by category.
  const custom = (await attributeDefinitions(db, { companyId })).sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return [
    ...BUILT_IN_ATTRIBUTES.map((path) => ({ path, group: groupOf(path), label: null, type: "built_in" as const, builtIn: true })),
    ...custom.map((d) => ({ path: `${scopeOf[d.category]}.${d.key}`, group: scopeOf[d.category], label: d.label, type: d.type, builtIn: false })),
  ];
}

export type TemplateProblem =
  | { kind: "syntax"; position: number; snippet: string }
  | { kind: "unknown_attributes"; names: string[] };

/** Broken syntax or unknown attribute names, found when saving — never sent raw. */
export function templateProblem(source: string, known: Iterable<string>): TemplateProblem | null {
  try {
    const allowed = new Set(known);
    const unknown = [...new Set(tokensOf(parseTemplate(source)).map((t) => t.path))].filter((path) => !allowed.has(path));
    return unknown.length ? { kind: "unknown_attributes", names: unknown } : null;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { kind: "syntax", position: error.position, snippet: error.snippet };
    throw error;
  }
}

export async function companyTemplateProblem(db: Db, companyId: string, source: string) {
  return templateProblem(source, (await attributeCatalogue(db, { companyId })).map((entry) => entry.path));
}

