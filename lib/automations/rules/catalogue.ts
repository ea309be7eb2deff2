/**
 * The audience rule catalogue (AUTO-6): for each category, the attributes a rule can test
 * (built-in ones and the company's custom attributes of that category), their type, and
 * the operators that type offers. Pure data: the wizard's rule builder imports it in the
 * browser, the zod schema and the SQL compiler (db/queries/audience.ts) agree with it.
 */
import type { AudienceCondition } from "@/db/schema";

export type AudienceCategory = AudienceCondition["category"];
/** "money", should custom attributes gain it, is compared as a number. */
export type AudienceAttributeType = "string" | "number" | "date" | "collection" | "group";

export const AUDIENCE_CATEGORIES = ["customer", "appointment", "message_received", "event"] as const satisfies readonly AudienceCategory[];

export const TEXT_OPERATORS = ["contains", "not_contains", "is", "is_not", "starts_with", "unknown", "known"] as const;
export const NUMBER_OPERATORS = ["eq", "neq", "gt", "lt", "between", "unknown", "known"] as const;
export const DATE_OPERATORS = [
  "before",
  "after",
  "on",
  "within_next_days",
  "within_last_days",
  "days_ago",
  "before_subject",
  "after_subject",
  "unknown",
  "known",
] as const;
export const COLLECTION_OPERATORS = ["includes_any", "includes_all", "includes_none", "unknown", "known"] as const;
/** "Is / is not in group" (IMPL-1): the value is one of the company's group ids. */
export const GROUP_OPERATORS = ["in_group", "not_in_group"] as const;

export type AudienceOperator =
  | (typeof TEXT_OPERATORS)[number]
  | (typeof NUMBER_OPERATORS)[number]
  | (typeof DATE_OPERATORS)[number]
  | (typeof COLLECTION_OPERATORS)[number]
  | (typeof GROUP_OPERATORS)[number];

export const AUDIENCE_OPERATORS = [
  ...new Set<AudienceOperator>([...TEXT_OPERATORS, ...NUMBER_OPERATORS, ...DATE_OPERATORS, ...COLLECTION_OPERATORS, ...GROUP_OPERATORS]),
] as readonly AudienceOperator[];

/** The operators an attribute of this type offers, in the order the builder lists them. */
export function operatorsFor(type: AudienceAttributeType | "money"): readonly AudienceOperator[] {
  switch (type) {
    case "string":
      return TEXT_OPERATORS;
    case "number":
    case "money":
      return NUMBER_OPERATORS;
    case "date":
      return DATE_OPERATORS;
    case "collection":
      return COLLECTION_OPERATORS;
    case "group":
      return GROUP_OPERATORS;
  }
}

/**
 * What value an operator takes, so the builder shows the right input: none (unknown /
 * known), a text, a number, two numbers (between, inclusive), a calendar date
 * ("YYYY-MM-DD" in the company's time zone), a number of days, an amount of minutes /
 * hours / days, a list of values, or one of the company's groups.
 */
export type AudienceValueKind = "none" | "text" | "number" | "range" | "date" | "days" | "offset" | "list" | "group";

export function valueKindOf(operator: AudienceOperator): AudienceValueKind {
  switch (operator) {
    case "unknown":
    case "known":
      return "none";
    case "contains":
    case "not_contains":
    case "is":
    case "is_not":
    case "starts_with":
      return "text";
    case "eq":
    case "neq":
    case "gt":
    case "lt":
      return "number";
    case "between":
      return "range";
    case "before":
    case "after":
    case "on":
      return "date";
    case "within_next_days":
    case "within_last_days":
    case "days_ago":
      return "days";
    case "before_subject":
    case "after_subject":
      return "offset";
    case "includes_any":
    case "includes_all":
    case "includes_none":
      return "list";
    case "in_group":
    case "not_in_group":
      return "group";
  }
}

/** The type an operator belongs to (unknown / known belong to all: null). */
export function typeOfOperator(operator: AudienceOperator): AudienceAttributeType | null {
  if (operator === "unknown" || operator === "known") return null;
  if ((TEXT_OPERATORS as readonly string[]).includes(operator)) return "string";
  if ((NUMBER_OPERATORS as readonly string[]).includes(operator)) return "number";
  if ((DATE_OPERATORS as readonly string[]).includes(operator)) return "date";
  if ((GROUP_OPERATORS as readonly string[]).includes(operator)) return "group";
  return "collection";
}

export type AudienceAttribute = {
  category: AudienceCategory;
  /** Built-in: "first_name"; custom: "attributes.<key>". */
  key: string;
  type: AudienceAttributeType;
  /** Built-in attributes carry an i18n key… */
  labelKey?: string;
  /** …custom ones the label the company gave them. */
  label?: string;
  custom: boolean;
  /** Known values (a collection's options, an appointment's statuses): the builder suggests them. */
  options: string[];
  /** A group attribute's values: the company's groups, picked by name. */
  choices?: AudienceChoice[];
};

export type AudienceChoice = { value: string; label: string };

type BuiltIn = { key: string; type: AudienceAttributeType; options?: string[] };

/** Built-in attributes per category; db/queries/audience.ts maps each to its column. */
export const BUILT_IN_ATTRIBUTES: Record<AudienceCategory, BuiltIn[]> = {
  customer: [
    { key: "first_name", type: "string" },
    { key: "last_name", type: "string" },
    { key: "mobile", type: "string" },
    { key: "email", type: "string" },
    { key: "language", type: "string", options: ["fr", "en"] },
    { key: "created_at", type: "date" },
    { key: "group", type: "group" },
  ],
  appointment: [
    { key: "start_at", type: "date" },
    { key: "type", type: "string" },
    { key: "status", type: "string", options: ["scheduled", "confirmed", "cancelled", "no_show", "completed"] },
    { key: "duration_minutes", type: "number" },
    { key: "created_at", type: "date" },
  ],
  message_received: [
    { key: "body", type: "string" },
    { key: "created_at", type: "date" },
  ],
  event: [
    { key: "occurred_at", type: "date" },
    { key: "kind", type: "string", options: ["repair_order"] },
    { key: "number", type: "string" },
    { key: "title", type: "string" },
    { key: "status", type: "string", options: ["open", "closed"] },
    { key: "created_at", type: "date" },
  ],
};

/** A custom attribute definition as the catalogue needs it (lib/attributes' shape fits). */
export type CustomAttributeForRules = {
  category: "customer" | "appointment" | "event";
  key: string;
  label: string;
  type: AudienceAttributeType | "money";
  options: string[];
};

export const CUSTOM_ATTRIBUTE_PREFIX = "attributes.";

export function isCustomAttributeKey(key: string) {
  return key.startsWith(CUSTOM_ATTRIBUTE_PREFIX) && key.length > CUSTOM_ATTRIBUTE_PREFIX.length;
}

export type AudienceCatalogue = Record<AudienceCategory, AudienceAttribute[]>;

/** A group as a rule's value: its id and name (the company's groups that are not archived). */
export type GroupForRules = { id: string; name: string };

/** The whole catalogue for one company: built-ins first, then its custom attributes by label. */
export function audienceCatalogue(definitions: readonly CustomAttributeForRules[], groups: readonly GroupForRules[] = []): AudienceCatalogue {
  const catalogue = {} as AudienceCatalogue;
  for (const category of AUDIENCE_CATEGORIES) {
    const builtIns: AudienceAttribute[] = BUILT_IN_ATTRIBUTES[category].map((attribute) => ({
      category,
      key: attribute.key,
      type: attribute.type,
      labelKey: `automationRules.attributes.${category}.${attribute.key}`,
      custom: false,
      options: attribute.options ?? [],
      ...(attribute.type === "group" ? { choices: groups.map((group) => ({ value: group.id, label: group.name })) } : {}),
    }));
    const customs: AudienceAttribute[] = definitions
      .filter((definition) => definition.category === category)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((definition) => ({
        category,
        key: `${CUSTOM_ATTRIBUTE_PREFIX}${definition.key}`,
        type: definition.type === "money" ? "number" : definition.type,
        label: definition.label,
        custom: true,
        options: definition.options,
      }));
    catalogue[category] = [...builtIns, ...customs];
  }
  return catalogue;
}

export function findAttribute(catalogue: AudienceCatalogue, category: AudienceCategory, key: string) {
  return catalogue[category]?.find((attribute) => attribute.key === key);
}
