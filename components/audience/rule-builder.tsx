"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import type { AudienceCondition, AudienceRules, AudienceValue } from "@/lib/automations/types";
import {
  AUDIENCE_CATEGORIES,
  findAttribute,
  operatorsFor,
  typeOfOperator,
  valueKindOf,
  type AudienceAttribute,
  type AudienceCatalogue,
  type AudienceCategory,
  type AudienceOperator,
} from "@/lib/automations/rules/catalogue";
import { audienceRulesSchema, OFFSET_UNITS } from "@/lib/automations/rules/schema";

/** A new condition: the category's first attribute with its type's first operator. */
function conditionFor(catalogue: AudienceCatalogue, category: AudienceCategory, attributeKey?: string): AudienceCondition {
  const attribute = (attributeKey ? findAttribute(catalogue, category, attributeKey) : undefined) ?? catalogue[category][0]!;
  const operator = operatorsFor(attribute.type)[0]!;
  return { category, attribute: attribute.key, operator, value: defaultValue(operator) };
}

function defaultValue(operator: AudienceOperator): AudienceValue | undefined {
  const kind = valueKindOf(operator);
  if (kind === "offset") return { amount: 2, unit: "hours" };
  if (kind === "range") return [] as number[];
  if (kind === "list") return [];
  if (kind === "none") return null;
  return "";
}

function ValueInput({ condition, attribute, onChange, invalid, id }: { condition: AudienceCondition; attribute: AudienceAttribute | undefined; onChange: (value: AudienceValue) => void; invalid: boolean; id: string }) {
  const t = useTranslations("automations.wizard");
  const tRules = useTranslations("automationRules");
  const kind = valueKindOf(condition.operator as AudienceOperator);
  const value = condition.value;
  const common = { "aria-invalid": invalid || undefined, id };
  switch (kind) {
    case "none":
      return null;
    case "text":
      return attribute?.options.length ? (
        <Select {...common} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} aria-label={t("ruleValue")}>
          <option value="">{t("choose")}</option>
          {attribute.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      ) : (
        <Input {...common} value={typeof value === "string" || typeof value === "number" ? String(value) : ""} onChange={(event) => onChange(event.target.value)} aria-label={t("ruleValue")} placeholder={t("ruleValuePlaceholder")} />
      );
    case "number":
    case "days":
      return (
        <span className="flex items-center gap-2">
          <Input {...common} type="number" inputMode="numeric" min={kind === "days" ? 0 : undefined} value={typeof value === "number" || typeof value === "string" ? String(value) : ""} onChange={(event) => onChange(event.target.value === "" ? "" : Number(event.target.value))} aria-label={t("ruleValue")} className="max-w-28" />
          {kind === "days" ? <span className="text-sm text-slate-500">{tRules("units.days")}</span> : null}
        </span>
      );
    case "range": {
      const [min, max] = Array.isArray(value) ? (value as (number | string)[]) : [];
      const set = (index: 0 | 1, next: string) => {
        const pair: (number | string)[] = [min ?? "", max ?? ""];
        pair[index] = next === "" ? "" : Number(next);
        onChange(pair as number[]);
      };
      return (
        <span className="flex items-center gap-2">
          <Input {...common} type="number" value={min ?? ""} onChange={(event) => set(0, event.target.value)} aria-label={t("ruleMin")} className="max-w-24" />
          <span className="text-sm text-slate-500">{t("and")}</span>
          <Input type="number" value={max ?? ""} onChange={(event) => set(1, event.target.value)} aria-label={t("ruleMax")} className="max-w-24" aria-invalid={invalid || undefined} />
        </span>
      );
    }
    case "date":
      return <Input {...common} type="date" value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} aria-label={t("ruleValue")} className="max-w-44" />;
    case "offset": {
      const offset = value && typeof value === "object" && !Array.isArray(value) ? value : { amount: 0, unit: "hours" as const };
      return (
        <span className="flex items-center gap-2">
          <Input {...common} type="number" min={0} value={String(offset.amount)} onChange={(event) => onChange({ ...offset, amount: Number(event.target.value) })} aria-label={t("ruleValue")} className="max-w-24" />
          <Select value={offset.unit} onChange={(event) => onChange({ ...offset, unit: event.target.value as (typeof OFFSET_UNITS)[number] })} aria-label={t("ruleUnit")} className="max-w-32">
            {OFFSET_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {tRules(`units.${unit}`)}
              </option>
            ))}
          </Select>
        </span>
      );
    }
    case "group": {
      const choices = attribute?.choices ?? [];
      if (choices.length === 0) return <span className="text-sm text-slate-500">{tRules("noGroups")}</span>;
      return (
        <Select {...common} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} aria-label={t("ruleValue")} className="w-full sm:max-w-56">
          <option value="">{tRules("chooseGroup")}</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
      );
    }
    case "list": {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Input
          {...common}
          defaultValue={list.join(", ")}
          onBlur={(event) => onChange(event.target.value.split(",").map((item) => item.trim()).filter(Boolean))}
          onChange={(event) => onChange(event.target.value.split(",").map((item) => item.trim()).filter(Boolean))}
          aria-label={t("ruleValue")}
          placeholder={attribute?.options.length ? attribute.options.slice(0, 3).join(", ") : t("listPlaceholder")}
          list={attribute?.options.length ? `${id}-options` : undefined}
        />
      );
    }
  }
}

/** Field errors keyed by the rule's path ("rules.all.0.any.1.value"). */
export type RuleErrors = Record<string, string>;

/** Rule errors as the builder shows them, from the schema, while the user edits. */
export function ruleErrors(rules: AudienceRules, path = "rules"): RuleErrors {
  const result = audienceRulesSchema.safeParse(rules);
  if (result.success) return {};
  const errors: RuleErrors = {};
  for (const issue of result.error.issues) errors[[path, ...issue.path].join(".")] ??= issue.message;
  return errors;
}

/**
 * The audience rules (AUTO-6), for automations and campaigns: each rule a card of
 * conditions joined by OR, the rules joined by AND; category × attribute × operator ×
 * value, operators by attribute type. `path` names the rules in the errors' keys.
 */
export function RuleBuilder({ rules, onChange, catalogue, errors, path: rootPath = "rules" }: { rules: AudienceRules; onChange: (rules: AudienceRules) => void; catalogue: AudienceCatalogue; errors: RuleErrors; path?: string }) {
  const t = useTranslations("automations.wizard");
  const tRules = useTranslations("automationRules");
  const errorText = useErrorText();
  const label = (attribute: AudienceAttribute) => attribute.label ?? (attribute.labelKey ? tRules(attribute.labelKey.replace(/^automationRules\./, "")) : attribute.key);

  const setCondition = (ruleIndex: number, conditionIndex: number, condition: AudienceCondition | null) =>
    onChange({
      all: rules.all
        .map((rule, r) => (r !== ruleIndex ? rule : { any: condition ? rule.any.map((c, i) => (i === conditionIndex ? condition : c)) : rule.any.filter((_, i) => i !== conditionIndex) }))
        .filter((rule) => rule.any.length > 0),
    });
  const addSubRule = (ruleIndex: number) => {
    const last = rules.all[ruleIndex]!.any.at(-1);
    const condition = last ? conditionFor(catalogue, last.category, last.attribute) : conditionFor(catalogue, "customer");
    onChange({ all: rules.all.map((rule, r) => (r === ruleIndex ? { any: [...rule.any, condition] } : rule)) });
  };
  const addRule = () => onChange({ all: [...rules.all, { any: [conditionFor(catalogue, "customer")] }] });

  return (
    <div className="space-y-3" data-testid="rule-builder">
      {rules.all.length === 0 ? <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-500 ring-1 ring-slate-200 ring-inset">{t("noRules")}</p> : null}
      {rules.all.map((rule, ruleIndex) => (
        <div key={ruleIndex}>
          {ruleIndex > 0 ? (
            <div className="my-2 flex items-center gap-2" aria-hidden>
              <span className="h-px flex-1 bg-slate-200" />
              <span className="rounded-full bg-slate-800 px-2.5 py-0.5 text-xs font-semibold tracking-wide text-white">{tRules("and")}</span>
              <span className="h-px flex-1 bg-slate-200" />
            </div>
          ) : null}
          <fieldset className="space-y-2 rounded-xl bg-white p-3 ring-1 ring-slate-200 ring-inset sm:p-4" data-testid="audience-rule">
            <legend className="sr-only">{t("ruleNumber", { number: ruleIndex + 1 })}</legend>
            {rule.any.map((condition, conditionIndex) => {
              const attribute = findAttribute(catalogue, condition.category, condition.attribute);
              const path = `${rootPath}.all.${ruleIndex}.any.${conditionIndex}`;
              const error = errors[`${path}.value`] ?? errors[`${path}.attribute`] ?? errors[`${path}.operator`];
              const id = `rule-${ruleIndex}-${conditionIndex}`;
              return (
                <div key={conditionIndex}>
                  {conditionIndex > 0 ? <p className="my-1.5 text-xs font-semibold tracking-wide text-brand-700 uppercase">{tRules("or")}</p> : null}
                  <div className="flex flex-wrap items-center gap-2" data-testid="audience-condition">
                    <Select
                      aria-label={t("ruleCategory")}
                      value={condition.category}
                      onChange={(event) => setCondition(ruleIndex, conditionIndex, conditionFor(catalogue, event.target.value as AudienceCategory))}
                      className="w-full sm:w-44"
                      data-testid="rule-category"
                    >
                      {AUDIENCE_CATEGORIES.map((category) => (
                        <option key={category} value={category}>
                          {tRules(`categories.${category}`)}
                        </option>
                      ))}
                    </Select>
                    <Select
                      aria-label={t("ruleAttribute")}
                      value={condition.attribute}
                      onChange={(event) => setCondition(ruleIndex, conditionIndex, conditionFor(catalogue, condition.category, event.target.value))}
                      className="w-full sm:w-56"
                      data-testid="rule-attribute"
                    >
                      {/* A template may read a custom attribute the company hasn't defined: shown as is, to adjust or remove. */}
                      {attribute ? null : <option value={condition.attribute}>{condition.attribute.replace(/^attributes\./, "")}</option>}
                      {catalogue[condition.category].map((candidate) => (
                        <option key={candidate.key} value={candidate.key}>
                          {label(candidate)}
                        </option>
                      ))}
                    </Select>
                    <Select
                      aria-label={t("ruleOperator")}
                      value={condition.operator}
                      onChange={(event) => {
                        const operator = event.target.value as AudienceOperator;
                        const sameKind = valueKindOf(operator) === valueKindOf(condition.operator as AudienceOperator);
                        setCondition(ruleIndex, conditionIndex, { ...condition, operator, value: sameKind ? condition.value : defaultValue(operator) });
                      }}
                      className="w-full sm:w-64"
                      data-testid="rule-operator"
                    >
                      {operatorsFor(attribute?.type ?? typeOfOperator(condition.operator as AudienceOperator) ?? "string").map((operator) => (
                        <option key={operator} value={operator}>
                          {tRules(`operators.${operator}`)}
                        </option>
                      ))}
                    </Select>
                    <span className="min-w-0 flex-1" data-testid="rule-value">
                      <ValueInput id={id} condition={condition} attribute={attribute} invalid={Boolean(error)} onChange={(value) => setCondition(ruleIndex, conditionIndex, { ...condition, value })} />
                      {attribute?.options.length ? (
                        <datalist id={`${id}-options`}>
                          {attribute.options.map((option) => (
                            <option key={option} value={option} />
                          ))}
                        </datalist>
                      ) : null}
                    </span>
                    <Button variant="ghost" size="icon" onClick={() => setCondition(ruleIndex, conditionIndex, null)} aria-label={t("removeCondition")}>
                      <Trash2 className="h-4 w-4" aria-hidden />
                    </Button>
                  </div>
                  {error ? (
                    <p role="alert" className="mt-1 text-sm text-red-600">
                      {errorText(error)}
                    </p>
                  ) : null}
                </div>
              );
            })}
            <Button variant="ghost" size="sm" onClick={() => addSubRule(ruleIndex)} icon={<Plus className="h-4 w-4" aria-hidden />} data-testid="add-sub-rule">
              {t("addSubRule")}
            </Button>
          </fieldset>
        </div>
      ))}
      <Button variant="secondary" onClick={addRule} icon={<Plus className="h-4 w-4" aria-hidden />} data-testid="add-rule">
        {rules.all.length ? t("addRule") : t("addFirstRule")}
      </Button>
    </div>
  );
}
