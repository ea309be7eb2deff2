"use client";

import { ArrowRight, CalendarClock, Users, Wrench } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-action";
import type { AttributeCategory, ImportColumn, ImportKind, ImportMapping } from "@/lib/imports/types";
import { attributeField, BUILT_IN_FIELDS, IMPORT_KINDS, KIND_CATEGORY, KIND_FIELDS } from "@/lib/imports/mapping";
import { startImport } from "@/lib/imports/actions";

type Props = {
  importId: string;
  columns: ImportColumn[];
  initialKind: ImportKind;
  /** The proposed mapping for each kind the file could hold. */
  guesses: Record<ImportKind, ImportMapping>;
  attributes: { key: string; label: string; category: AttributeCategory }[];
  hasHeader: boolean;
  timeZone: string;
  /** The static groups the imported customers can join (none when the user may not manage groups). */
  groups: { id: string; name: string }[];
};

const KIND_ICONS = { customers: Users, appointments: CalendarClock, repair_orders: Wrench } as const;

/** What the file holds, then one line per column: its name, a few values, and the field it fills. */
export function MappingForm({ importId, columns, initialKind, guesses, attributes, hasHeader, timeZone, groups }: Props) {
  const t = useTranslations("imports");
  const tGroups = useTranslations("groups");
  const [groupId, setGroupId] = useState("");
  const router = useRouter();
  const { run, pending, error, fieldError } = useAction();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [mapping, setMapping] = useState<ImportMapping>(guesses[initialKind]);

  const choose = (index: number, field: string) =>
    // A field fills one column: choosing it here frees the column that had it.
    setMapping((current) => current.map((value, i) => (i === index ? field || null : value === field ? null : value)));
  const chooseKind = (next: ImportKind) => {
    setKind(next);
    setMapping(guesses[next]);
  };
  const recordCategory = KIND_CATEGORY[kind];
  const attributeOptions = (category: AttributeCategory) =>
    attributes
      .filter((attribute) => attribute.category === category)
      .map((attribute) => (
        <option key={attribute.key} value={attributeField(attribute.key, category)}>
          {attribute.label}
        </option>
      ));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        run(() => startImport({ importId, kind, mapping, groupId: groupId || null }), () => router.refresh());
      }}
      className="space-y-4"
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      {fieldError("mapping") ? <Alert tone="error">{fieldError("mapping")}</Alert> : null}
      {!hasHeader ? <Alert tone="info">{t("mapping.noHeader")}</Alert> : null}
      <fieldset className="space-y-2" data-testid="import-kind">
        <legend className="mb-2 text-sm font-medium text-slate-900">{t("mapping.kind")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {IMPORT_KINDS.map((value) => {
            const Icon = KIND_ICONS[value];
            return (
              <label
                key={value}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-xl px-4 py-3 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500",
                  kind === value ? "bg-brand-50 ring-2 ring-brand-500" : "bg-white ring-1 ring-slate-200 hover:bg-slate-50",
                )}
              >
                <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => chooseKind(value)} className="sr-only" data-testid={`import-kind-${value}`} />
                <Icon className={cn("mt-0.5 h-5 w-5 shrink-0", kind === value ? "text-brand-600" : "text-slate-400")} aria-hidden />
                <span className="min-w-0">
                  <span className="block text-sm font-medium text-slate-900">{t(`mapping.kinds.${value}.label`)}</span>
                  <span className="block text-xs text-slate-500">{t(`mapping.kinds.${value}.description`)}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <Card className="overflow-hidden">
        <div className="hidden grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_18rem] gap-4 border-b border-slate-100 bg-slate-50 px-5 py-2.5 text-xs font-medium tracking-wide text-slate-500 uppercase sm:grid">
          <span>{t("mapping.column")}</span>
          <span>{t("mapping.sample")}</span>
          <span>{t("mapping.field")}</span>
        </div>
        <ul className="divide-y divide-slate-100" data-testid="mapping-columns">
          {columns.map((column, index) => (
            <li key={index} className="grid gap-2 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_18rem] sm:items-center sm:gap-4 sm:px-5" data-testid="mapping-column">
              <label htmlFor={`column-${index}`} className="truncate text-sm font-medium text-slate-900">
                {column.header}
              </label>
              <p className="truncate text-sm text-slate-500" title={column.samples.join(" · ")}>
                {column.samples.length ? column.samples.join(" · ") : <span className="italic">{t("mapping.empty")}</span>}
              </p>
              <Select id={`column-${index}`} value={mapping[index] ?? ""} onChange={(event) => choose(index, event.target.value)} data-testid={`mapping-select-${index}`}>
                <option value="">{t("mapping.skip")}</option>
                {kind !== "customers" ? (
                  <optgroup label={t(`mapping.groups.${kind}`)}>
                    {KIND_FIELDS[kind].map((field) => (
                      <option key={field} value={field}>
                        {t(`fields.${field}`)}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {recordCategory && attributes.some((attribute) => attribute.category === recordCategory) ? (
                  <optgroup label={t(`mapping.customRecord.${recordCategory}`)}>{attributeOptions(recordCategory)}</optgroup>
                ) : null}
                <optgroup label={t("mapping.builtIn")}>
                  {BUILT_IN_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`fields.${field}`)}
                    </option>
                  ))}
                </optgroup>
                {attributes.some((attribute) => attribute.category === "customer") ? <optgroup label={t("mapping.custom")}>{attributeOptions("customer")}</optgroup> : null}
              </Select>
            </li>
          ))}
        </ul>
      </Card>
      {groups.length > 0 ? (
        <Card className="p-4 sm:p-5">
          <Field label={tGroups("importTarget")} htmlFor="import-group" hint={tGroups("importTargetHint")}>
            <Select id="import-group" value={groupId} onChange={(event) => setGroupId(event.target.value)} className="sm:max-w-sm" data-testid="import-group">
              <option value="">{tGroups("importTargetNone")}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </Select>
          </Field>
        </Card>
      ) : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-500">
          {t("mapping.keyHint")} {kind === "customers" ? null : t(`mapping.kindHint.${kind}`, { timeZone })}
        </p>
        <Button type="submit" pending={pending} icon={<ArrowRight className="h-4 w-4" aria-hidden />} data-testid="start-import">
          {t("mapping.start")}
        </Button>
      </div>
    </form>
  );
}
