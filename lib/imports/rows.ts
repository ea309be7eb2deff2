import type { AttributeCategory, AttributeValue, ImportMapping, Locale } from "@/db/schema";
import { validateAttributeValues } from "@/lib/customers/attribute-values";
import { customerFieldsSchema } from "@/lib/customers/validation";
import { parsePhone } from "@/lib/phone";
import { attributeOf, type AttributeDefinition } from "./mapping";

export type RowFields = {
  firstName?: string;
  lastName?: string;
  mobile?: string;
  email?: string;
  externalId?: string;
  language?: Locale;
  attributes: Record<string, AttributeValue>;
};
export type RowError = { row: number; column: string; value: string; reason: string; values?: Record<string, string> };
export type RowContext = { headers: string[]; mapping: ImportMapping; attributes: AttributeDefinition[]; countryCode: string };

const LANGUAGES: Record<string, Locale> = { fr: "fr", fra: "fr", fre: "fr", francais: "fr", french: "fr", en: "en", eng: "en", anglais: "en", english: "en" };

const { firstName: nameSchema, email: emailSchema } = customerFieldsSchema.shape;

type Fail = (index: number, reason: string, values?: Record<string, string>) => void;

/** Collects the problems of one row, each with its column's header and cell. */
export function rowReporter(line: number, cells: string[], headers: string[]) {
  const errors: RowError[] = [];
  const fail: Fail = (index, reason, values) => errors.push({ row: line, column: headers[index] ?? "", value: cells[index] ?? "", reason, values });
  return { errors, fail };
}

/** The row's values for one category of custom attributes, typed like the profile form; a bad one is reported on its column. */
export function attributeCells(cells: string[], mapping: ImportMapping, category: AttributeCategory, definitions: AttributeDefinition[], fail: Fail) {
  const raw: Record<string, string> = {};
  const columns: Record<string, number> = {};
  mapping.forEach((field, index) => {
    const attribute = field ? attributeOf(field) : null;
    const value = cells[index]?.trim() ?? "";
    if (attribute?.category !== category || value === "") return;
    raw[attribute.key] = value;
    columns[attribute.key] = index;
  });
  const { values, errors } = validateAttributeValues(raw, definitions);
  for (const [key, reason] of Object.entries(errors)) {
    fail(columns[key]!, reason, { attribute: definitions.find((definition) => definition.key === key)?.label ?? key });
  }
  return values;
}

/**
 * Turns one file row into customer fields with the same rules as the profile form; an
 * empty cell leaves the customer's value as it is. Every problem is reported, by column.
 */
export function validateRow(line: number, cells: string[], { headers, mapping, attributes, countryCode }: RowContext): { fields: RowFields | null; errors: RowError[] } {
  const fields: RowFields = { attributes: {} };
  const { errors, fail } = rowReporter(line, cells, headers);
  mapping.forEach((field, index) => {
    const value = cells[index]?.trim() ?? "";
    if (!field || value === "") return;
    if (field === "firstName" || field === "lastName") {
      if (!nameSchema.safeParse(value).success) fail(index, "customers.nameTooLong");
      else fields[field] = value;
    } else if (field === "fullName") {
      const [first = "", ...rest] = value.split(/\s+/);
      const last = rest.join(" ");
      if (!nameSchema.safeParse(first).success || !nameSchema.safeParse(last).success) fail(index, "customers.nameTooLong");
      else Object.assign(fields, { firstName: first, lastName: last });
    } else if (field === "mobile") {
      const parsed = parsePhone(value, countryCode);
      if (!parsed.ok) fail(index, "customers.mobileInvalid", { value });
      else fields.mobile = parsed.e164;
    } else if (field === "email") {
      const parsed = emailSchema.safeParse(value);
      if (!parsed.success || !parsed.data) fail(index, "customers.emailInvalid");
      else fields.email = parsed.data;
    } else if (field === "externalId") {
      if (value.length > 100) fail(index, "imports.reasons.externalIdTooLong");
      else fields.externalId = value;
    } else if (field === "language") {
      const language = LANGUAGES[value.toLowerCase().normalize("NFD").replace(/\p{Diacritic}/gu, "").slice(0, 8)] ?? LANGUAGES[value.toLowerCase().slice(0, 2)];
      if (!language) fail(index, "imports.reasons.languageInvalid", { value });
      else fields.language = language;
    }
  });
  fields.attributes = attributeCells(cells, mapping, "customer", attributes, fail);
  if (errors.length === 0 && !fields.mobile && !fields.externalId) {
    errors.push({ row: line, column: "", value: "", reason: "imports.reasons.noKey" });
  }
  return { fields: errors.length ? null : fields, errors };
}
