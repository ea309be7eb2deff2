import { AUDIENCE_BUILT_IN_KEYS } from "@/db/queries/audience";
import type { AudienceRules } from "@/db/schema";
import {
  AUDIENCE_CATEGORIES,
  AUDIENCE_OPERATORS,
  audienceCatalogue,
  audienceRulesSchema,
  audienceRulesSchemaFor,
  audienceSubjectFor,
  BUILT_IN_ATTRIBUTES,
  checkRuleValue,
  operatorsFor,
  RULE_ERRORS,
  typeOfOperator,
} from "@/lib/automations/rules";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

const definitions = [
  { category: "customer" as const, key: "vehicle_year", label: "Année du véhicule", type: "number" as const, options: [] },
  { category: "customer" as const, key: "models", label: "Modèles", type: "collection" as const, options: ["Civic", "CR-V"] },
  { category: "event" as const, key: "amount", label: "Montant", type: "money" as const, options: [] },
];
const catalogue = audienceCatalogue(definitions);

describe("audience catalogue", () => {
  it("lists built-in attributes then the company's custom ones of each category", () => {
    expect(catalogue.customer.map((a) => a.key)).toEqual([
      "first_name",
      "last_name",
      "mobile",
      "email",
      "language",
      "created_at",
      "group",
      "attributes.vehicle_year",
      "attributes.models",
    ]);
    expect(catalogue.event.find((a) => a.key === "attributes.amount")).toMatchObject({ type: "number", label: "Montant", custom: true });
    expect(catalogue.message_received.every((a) => !a.custom)).toBe(true);
    expect(catalogue.customer.find((a) => a.key === "attributes.models")?.options).toEqual(["Civic", "CR-V"]);
  });

  it("offers the operators of the attribute's type, money as a number", () => {
    expect(operatorsFor("string")).toEqual(["contains", "not_contains", "is", "is_not", "starts_with", "unknown", "known"]);
    expect(operatorsFor("number")).toEqual(["eq", "neq", "gt", "lt", "between", "unknown", "known"]);
    expect(operatorsFor("money")).toEqual(operatorsFor("number"));
    expect(operatorsFor("date")).toContain("before_subject");
    expect(operatorsFor("collection")).toEqual(["includes_any", "includes_all", "includes_none", "unknown", "known"]);
    expect(typeOfOperator("between")).toBe("number");
    expect(typeOfOperator("known")).toBeNull();
  });

  it("agrees with the SQL compiler on the built-in attributes, and every label is translated", () => {
    for (const category of AUDIENCE_CATEGORIES) {
      expect(BUILT_IN_ATTRIBUTES[category].map((a) => a.key).sort()).toEqual([...AUDIENCE_BUILT_IN_KEYS[category]].sort());
      for (const attribute of catalogue[category].filter((a) => !a.custom)) {
        const [, , cat, key] = attribute.labelKey!.split(".");
        for (const messages of [fr, en]) expect(messages.automationRules.attributes[cat as "customer"][key as "email"]).toBeTruthy();
      }
    }
    for (const operator of AUDIENCE_OPERATORS)
      for (const messages of [fr, en]) expect(messages.automationRules.operators[operator]).toBeTruthy();
    for (const key of Object.values(RULE_ERRORS))
      for (const messages of [fr, en]) expect(messages.automations.errors[key.split(".")[2] as "ruleValueMissing"]).toBeTruthy();
  });

  it("picks the audience's subject from what counts as the same trigger", () => {
    expect(audienceSubjectFor("appointment")).toBe("appointment");
    expect(audienceSubjectFor("event")).toBe("event");
    expect(audienceSubjectFor("customer")).toBe("customer");
    expect(audienceSubjectFor("customer_repeat")).toBe("customer");
  });
});

const rule = (category: string, attribute: string, operator: string, value?: unknown) => ({ all: [{ any: [{ category, attribute, operator, value }] }] });
const firstError = (input: unknown) => audienceRulesSchema.safeParse(input).error?.issues[0];

describe("audience rules schema", () => {
  it("refuses a rule without a value, with the i18n key at the value", () => {
    for (const [operator, value] of [
      ["contains", undefined],
      ["contains", "   "],
      ["eq", null],
      ["between", [1]],
      ["between", [1, ""]],
      ["before", ""],
      ["within_next_days", undefined],
      ["before_subject", { unit: "hours" }],
      ["includes_any", []],
    ] as const) {
      const issue = firstError(rule("customer", "first_name", operator, value));
      expect([operator, issue?.message, issue?.path]).toEqual([operator, RULE_ERRORS.valueMissing, ["all", 0, "any", 0, "value"]]);
    }
  });

  it("refuses values that don't fit the operator", () => {
    for (const [operator, value] of [
      ["eq", "douze"],
      ["between", [10, 2]],
      ["before", "2027-02-30"],
      ["on", "15/06/2027"],
      ["within_next_days", 1.5],
      ["days_ago", -1],
      ["before_subject", { amount: 2, unit: "weeks" }],
      ["includes_all", ["Civic", ""]],
      ["contains", "x".repeat(501)],
      ["contains", { toString: "x" }],
    ] as const)
      expect([operator, firstError(rule("customer", "first_name", operator, value))?.message]).toEqual([operator, RULE_ERRORS.valueInvalid]);
    expect(firstError(rule("customer", "first_name", "drop table"))?.message).toBe(RULE_ERRORS.operatorInvalid);
    expect(firstError(rule("vehicle", "first_name", "known"))?.message).toBe(RULE_ERRORS.categoryInvalid);
    expect(firstError({ all: [{ any: [] }] })?.message).toBe(RULE_ERRORS.ruleEmpty);
  });

  it("normalises values: trimmed text, numbers from typed text, deduplicated lists, no value for unknown", () => {
    const parsed = audienceRulesSchema.parse({
      all: [
        {
          any: [
            { category: "customer", attribute: "first_name", operator: "contains", value: "  Julie " },
            { category: "customer", attribute: "attributes.vehicle_year", operator: "gt", value: "2 015" },
            { category: "customer", attribute: "attributes.vehicle_year", operator: "between", value: ["1,5", 3] },
            { category: "customer", attribute: "attributes.models", operator: "includes_any", value: ["Civic", "Civic", " CR-V"] },
            { category: "customer", attribute: "email", operator: "unknown", value: "ignored" },
            { category: "appointment", attribute: "start_at", operator: "before_subject", value: { amount: "2", unit: "hours" } },
          ],
        },
      ],
    });
    expect(parsed.all[0]!.any.map((c) => c.value)).toEqual(["Julie", 2015, [1.5, 3], ["Civic", "CR-V"], null, { amount: 2, unit: "hours" }]);
    expect(checkRuleValue("on", " 2027-06-15 ")).toEqual({ value: "2027-06-15" });
  });

  it("with the company's catalogue: unknown attributes and operators the type lacks are refused", () => {
    const schema = audienceRulesSchemaFor(catalogue);
    const ok: AudienceRules = rule("customer", "attributes.models", "includes_any", ["Civic"]) as AudienceRules;
    expect(schema.safeParse(ok).success).toBe(true);
    expect(schema.safeParse(rule("customer", "attributes.shoe_size", "eq", 3)).error?.issues[0]).toMatchObject({
      message: RULE_ERRORS.attributeUnknown,
      path: ["all", 0, "any", 0, "attribute"],
    });
    expect(schema.safeParse(rule("customer", "first_name", "gt", 3)).error?.issues[0]?.message).toBe(RULE_ERRORS.operatorInvalid);
    expect(schema.safeParse(rule("event", "attributes.amount", "between", [100, 500])).success).toBe(true);
    expect(schema.safeParse(rule("message_received", "body", "contains", "pneus")).success).toBe(true);
  });

  it("'is / is not in group' takes one of the company's groups, picked by name", () => {
    const mine = "0b5c3a34-8d8e-4c53-9d0e-6a4f0c1d2e3f";
    const theirs = "9f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
    const withGroups = audienceCatalogue(definitions, [{ id: mine, name: "VIP" }]);
    const group = withGroups.customer.find((a) => a.key === "group");
    expect(group).toMatchObject({ type: "group", custom: false, choices: [{ value: mine, label: "VIP" }] });
    expect(operatorsFor("group")).toEqual(["in_group", "not_in_group"]);
    const schema = audienceRulesSchemaFor(withGroups);
    expect(schema.parse(rule("customer", "group", "in_group", ` ${mine.toUpperCase()} `)).all[0]!.any[0]!.value).toBe(mine);
    expect(schema.safeParse(rule("customer", "group", "not_in_group", mine)).success).toBe(true);
    // Another company's group, or no group at all, is refused at the value.
    expect(schema.safeParse(rule("customer", "group", "in_group", theirs)).error?.issues[0]).toMatchObject({ message: RULE_ERRORS.groupUnknown, path: ["all", 0, "any", 0, "value"] });
    expect(firstError(rule("customer", "group", "in_group", "VIP"))?.message).toBe(RULE_ERRORS.groupUnknown);
    expect(firstError(rule("customer", "group", "in_group", ""))?.message).toBe(RULE_ERRORS.valueMissing);
    // The operator must fit: a group is not a text.
    expect(schema.safeParse(rule("customer", "group", "contains", "VIP")).error?.issues[0]?.message).toBe(RULE_ERRORS.operatorInvalid);
    expect(schema.safeParse(rule("customer", "first_name", "in_group", mine)).error?.issues[0]?.message).toBe(RULE_ERRORS.operatorInvalid);
  });
});
