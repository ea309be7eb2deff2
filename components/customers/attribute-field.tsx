"use client";

import { useLocale } from "next-intl";
import type { AttributeType, AttributeValue } from "@/lib/attributes/types";
import { moneyLocale } from "@/lib/attributes/money";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export type AttributeDefinition = { key: string; label: string; type: AttributeType; options: string[] };

/** One custom attribute as a form control of its type; the server checks it again (CUST-3). */
export function AttributeField({
  definition,
  value,
  onChange,
  error,
  idPrefix,
}: {
  definition: AttributeDefinition;
  value: AttributeValue | undefined;
  onChange: (value: string | string[]) => void;
  error?: string;
  idPrefix: string;
}) {
  const id = `${idPrefix}-${definition.key}`;
  const locale = useLocale();
  if (definition.type === "collection" && definition.options.length > 0) {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-700">{definition.label}</legend>
        <div className="flex flex-wrap gap-2">
          {definition.options.map((option) => (
            <label key={option} className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-200 ring-inset has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-300">
              <input
                type="checkbox"
                className="rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                checked={selected.includes(option)}
                onChange={(event) => onChange(event.target.checked ? [...selected, option] : selected.filter((v) => v !== option))}
              />
              {option}
            </label>
          ))}
        </div>
        {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
      </fieldset>
    );
  }
  const text =
    value === null || value === undefined ? ""
    : Array.isArray(value) ? value.join(", ")
    // A stored amount is edited as the reader writes it ("1343,67" in French); the server reads either way.
    : definition.type === "money" && typeof value === "number" ? new Intl.NumberFormat(moneyLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(value)
    : String(value);
  return (
    <Field label={definition.label} htmlFor={id} error={error}>
      <Input
        id={id}
        type={definition.type === "date" ? "date" : "text"}
        inputMode={definition.type === "number" ? "numeric" : definition.type === "money" ? "decimal" : undefined}
        value={text}
        aria-invalid={Boolean(error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}
