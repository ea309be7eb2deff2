/**
 * The audience rule tree as zod checks it (AUTO-6): `{ all: [{ any: [condition…] }] }`,
 * rules ANDed, sub-rules ORed. Each condition's value must fit its operator; the messages
 * are i18n keys, shown at the wizard's Customers step. `audienceRulesSchemaFor(catalogue)`
 * also checks that the attribute exists for the company and offers that operator.
 */
import { z } from "zod";
import type { AudienceCondition, AudienceRules, AudienceValue } from "@/db/schema";
import {
  AUDIENCE_CATEGORIES,
  AUDIENCE_OPERATORS,
  findAttribute,
  operatorsFor,
  valueKindOf,
  type AudienceCatalogue,
  type AudienceOperator,
} from "./catalogue";

export const RULE_ERRORS = {
  valueMissing: "automations.errors.ruleValueMissing",
  valueInvalid: "automations.errors.ruleValueInvalid",
  operatorInvalid: "automations.errors.ruleOperatorInvalid",
  attributeUnknown: "automations.errors.ruleAttributeUnknown",
  categoryInvalid: "automations.errors.ruleCategoryInvalid",
  ruleEmpty: "automations.errors.ruleEmpty",
  tooManyRules: "automations.errors.ruleTooMany",
  groupUnknown: "automations.errors.ruleGroupUnknown",
  groupCycle: "automations.errors.ruleGroupCycle",
} as const;

export const OFFSET_UNITS = ["minutes", "hours", "days"] as const;
const MAX_TEXT = 500;
const MAX_DAYS = 3650;
const MAX_LIST = 100;
const MAX_RULES = 30;
const MAX_SUB_RULES = 30;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isCalendarDate(value: string) {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isBlank(value: unknown) {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const number = Number(value.trim().replace(/\s/g, "").replace(",", "."));
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

type Checked = { value: AudienceValue } | { error: string };

/** The value an operator needs, normalised (trimmed text, numbers from numeric text), or the error key. */
export function checkRuleValue(operator: AudienceOperator, value: unknown): Checked {
  const kind = valueKindOf(operator);
  if (kind === "none") return { value: null };
  if (kind === "range") {
    if (!Array.isArray(value) || value.length !== 2 || value.some(isBlank)) return { error: RULE_ERRORS.valueMissing };
    const [min, max] = value.map(toNumber);
    if (min === undefined || max === undefined || min > max) return { error: RULE_ERRORS.valueInvalid };
    return { value: [min, max] };
  }
  if (kind === "offset") {
    const offset = value as { amount?: unknown; unit?: unknown } | null | undefined;
    if (!offset || typeof offset !== "object" || isBlank(offset.amount)) return { error: RULE_ERRORS.valueMissing };
    const amount = toNumber(offset.amount);
    const unit = OFFSET_UNITS.find((u) => u === offset.unit);
    if (amount === undefined || !Number.isInteger(amount) || amount < 0 || amount > 100_000 || !unit) return { error: RULE_ERRORS.valueInvalid };
    return { value: { amount, unit } };
  }
  if (isBlank(value)) return { error: RULE_ERRORS.valueMissing };
  switch (kind) {
    case "text": {
      if (typeof value !== "string" && typeof value !== "number") return { error: RULE_ERRORS.valueInvalid };
      const text = String(value).trim();
      return text.length > MAX_TEXT ? { error: RULE_ERRORS.valueInvalid } : { value: text };
    }
    case "number": {
      const number = toNumber(value);
      return number === undefined ? { error: RULE_ERRORS.valueInvalid } : { value: number };
    }
    case "date":
      return typeof value === "string" && isCalendarDate(value.trim()) ? { value: value.trim() } : { error: RULE_ERRORS.valueInvalid };
    case "days": {
      const days = toNumber(value);
      return days === undefined || !Number.isInteger(days) || days < 0 || days > MAX_DAYS ? { error: RULE_ERRORS.valueInvalid } : { value: days };
    }
    case "list": {
      const list = (Array.isArray(value) ? value : [value]).map((item) => (typeof item === "string" || typeof item === "number" ? String(item).trim() : ""));
      if (list.some((item) => item === "" || item.length > MAX_TEXT) || list.length > MAX_LIST) return { error: RULE_ERRORS.valueInvalid };
      return { value: [...new Set(list)] };
    }
    case "group":
      return typeof value === "string" && uuid.test(value.trim()) ? { value: value.trim().toLowerCase() } : { error: RULE_ERRORS.groupUnknown };
  }
}

export const audienceConditionSchema = z
  .object({
    category: z.enum(AUDIENCE_CATEGORIES, { message: RULE_ERRORS.categoryInvalid }),
    attribute: z.string({ message: RULE_ERRORS.attributeUnknown }).trim().min(1, { message: RULE_ERRORS.attributeUnknown }).max(80),
    operator: z.enum(AUDIENCE_OPERATORS as [AudienceOperator, ...AudienceOperator[]], { message: RULE_ERRORS.operatorInvalid }),
    value: z.unknown().optional(),
  })
  .transform((condition, ctx): AudienceCondition => {
    const checked = checkRuleValue(condition.operator, condition.value);
    if ("error" in checked) {
      ctx.addIssue({ code: "custom", message: checked.error, path: ["value"] });
      return z.NEVER;
    }
    return { category: condition.category, attribute: condition.attribute, operator: condition.operator, value: checked.value };
  });

export const audienceRulesSchema = z.object({
  all: z
    .array(
      z.object({
        any: z.array(audienceConditionSchema).min(1, { message: RULE_ERRORS.ruleEmpty }).max(MAX_SUB_RULES, { message: RULE_ERRORS.tooManyRules }),
      }),
    )
    .max(MAX_RULES, { message: RULE_ERRORS.tooManyRules }),
}) satisfies z.ZodType<AudienceRules, unknown>;

export type AudienceRuleIssue = { path: (string | number)[]; message: string };

/** Attributes the company doesn't have, operators their type doesn't offer, or groups that aren't the company's. */
export function catalogueIssues(rules: AudienceRules, catalogue: AudienceCatalogue): AudienceRuleIssue[] {
  const issues: AudienceRuleIssue[] = [];
  rules.all.forEach((rule, ruleIndex) =>
    rule.any.forEach((condition, conditionIndex) => {
      const path = ["all", ruleIndex, "any", conditionIndex];
      const attribute = findAttribute(catalogue, condition.category, condition.attribute);
      if (!attribute) issues.push({ path: [...path, "attribute"], message: RULE_ERRORS.attributeUnknown });
      else if (!operatorsFor(attribute.type).includes(condition.operator as AudienceOperator))
        issues.push({ path: [...path, "operator"], message: RULE_ERRORS.operatorInvalid });
      else if (attribute.type === "group" && !attribute.choices?.some((choice) => choice.value === condition.value))
        issues.push({ path: [...path, "value"], message: RULE_ERRORS.groupUnknown });
    }),
  );
  return issues;
}

/** The rules schema that also checks every attribute against this company's catalogue. */
export function audienceRulesSchemaFor(catalogue: AudienceCatalogue) {
  return audienceRulesSchema.superRefine((rules, ctx) => {
    for (const issue of catalogueIssues(rules, catalogue)) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  });
}
