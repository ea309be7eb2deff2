import type { ImportColumn, ImportMapping } from "@/db/schema";
import { parsePhone } from "@/lib/phone";
import { normalizeForSearch } from "@/lib/customers/search-text";

export const BUILT_IN_FIELDS = ["firstName", "lastName", "fullName", "mobile", "email", "externalId", "language"] as const;
export type BuiltInField = (typeof BUILT_IN_FIELDS)[number];
export type AttributeDefinition = { key: string; label: string; type: "string" | "number" | "date" | "collection"; options: string[] };

export const attributeField = (key: string) => `attribute:${key}`;
export const attributeKeyOf = (field: string) => (field.startsWith("attribute:") ? field.slice("attribute:".length) : null);

// Headers as staff of dealerships write them, in English and French, compared without accents, case or punctuation.
const SYNONYMS: Record<BuiltInField, string[]> = {
  firstName: ["firstname", "first", "prenom", "givenname", "forename", "fname"],
  lastName: ["lastname", "last", "nom", "nomdefamille", "surname", "familyname", "lname"],
  fullName: ["name", "fullname", "nomcomplet", "client", "customer", "customername", "nomduclient"],
  mobile: ["mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "cellular", "cellulaire", "portable", "telephonemobile", "telmobile", "phone", "phonenumber", "telephone", "tel", "numerodetelephone", "sms"],
  email: ["email", "emailaddress", "courriel", "adressecourriel", "adresseemail", "mail", "ecourriel"],
  externalId: ["externalid", "idexterne", "id", "customerid", "clientid", "customernumber", "customerno", "numeroclient", "noclient", "dmsid", "reference"],
  language: ["language", "langue", "lang", "locale", "preferredlanguage", "languepreferee"],
};

const squash = (text: string) => normalizeForSearch(text).replace(/[^a-z0-9]/g, "");

/**
 * Proposes a field for each column: by its header first (exact, then contained), then by
 * what its sample values look like. A field is proposed for one column at most.
 */
export function guessMapping(columns: ImportColumn[], attributes: AttributeDefinition[]): ImportMapping {
  const candidates: [string, string[]][] = [
    ...BUILT_IN_FIELDS.map((field) => [field, SYNONYMS[field]] as [string, string[]]),
    ...attributes.map((attribute) => [attributeField(attribute.key), [squash(attribute.label), squash(attribute.key)]] as [string, string[]]),
  ];
  const mapping: ImportMapping = columns.map(() => null);
  const taken = new Set<string>();
  const assign = (index: number, field: string) => {
    mapping[index] = field;
    taken.add(field);
  };
  const headers = columns.map((column) => squash(column.header));
  for (const [field, names] of candidates) {
    const index = headers.findIndex((header, i) => mapping[i] === null && names.includes(header));
    if (index >= 0 && !taken.has(field)) assign(index, field);
  }
  // Words inside longer headers ("Mobile phone (cell)"); a full name only by its exact header, since "client" is in many.
  for (const [field, names] of candidates) {
    if (taken.has(field) || field === "fullName") continue;
    const index = headers.findIndex((header, i) => mapping[i] === null && names.some((name) => name.length > 4 && header.includes(name)));
    if (index >= 0) assign(index, field);
  }
  const byContent: [BuiltInField, (value: string) => boolean][] = [
    ["mobile", (value) => parsePhone(value).ok],
    ["email", (value) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)],
  ];
  for (const [field, test] of byContent) {
    if (taken.has(field)) continue;
    const index = columns.findIndex((column, i) => mapping[i] === null && column.samples.length > 0 && column.samples.filter(Boolean).every(test) && column.samples.some(Boolean));
    if (index >= 0) assign(index, field);
  }
  // "Name" next to a first name column is the last name, not a full name.
  const fullName = mapping.indexOf("fullName");
  if (fullName >= 0 && taken.has("firstName")) mapping[fullName] = taken.has("lastName") ? null : "lastName";
  else if (fullName >= 0 && taken.has("lastName")) mapping[fullName] = null;
  return mapping;
}

/** Columns with up to three non-empty sample values each, for the mapping screen. */
export function describeColumns(headers: string[], rows: { cells: string[] }[]): ImportColumn[] {
  return headers.map((header, index) => {
    const samples: string[] = [];
    for (const row of rows.slice(0, 200)) {
      const value = row.cells[index];
      if (value) samples.push(value.slice(0, 80));
      if (samples.length === 3) break;
    }
    return { header: header.slice(0, 80), samples };
  });
}
