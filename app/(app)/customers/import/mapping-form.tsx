"use client";

import { ArrowRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-action";
import type { ImportColumn } from "@/db/schema";
import { BUILT_IN_FIELDS } from "@/lib/imports/mapping";
import { startImportAction } from "./actions";

type Props = { importId: string; columns: ImportColumn[]; initial: (string | null)[]; attributes: { key: string; label: string }[]; hasHeader: boolean };

/** One line per column of the file: its name, a few values, and the field it fills. */
export function MappingForm({ importId, columns, initial, attributes, hasHeader }: Props) {
  const t = useTranslations("imports");
  const router = useRouter();
  const { run, pending, error, fieldError } = useAction();
  const [mapping, setMapping] = useState<(string | null)[]>(initial);

  const choose = (index: number, field: string) =>
    // A field fills one column: choosing it here frees the column that had it.
    setMapping((current) => current.map((value, i) => (i === index ? field || null : value === field ? null : value)));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        run(() => startImportAction({ importId, mapping }), () => router.refresh());
      }}
      className="space-y-4"
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      {fieldError("mapping") ? <Alert tone="error">{fieldError("mapping")}</Alert> : null}
      {!hasHeader ? <Alert tone="info">{t("mapping.noHeader")}</Alert> : null}
      <Card className="overflow-hidden">
        <div className="hidden grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_16rem] gap-4 border-b border-slate-100 bg-slate-50 px-5 py-2.5 text-xs font-medium tracking-wide text-slate-500 uppercase sm:grid">
          <span>{t("mapping.column")}</span>
          <span>{t("mapping.sample")}</span>
          <span>{t("mapping.field")}</span>
        </div>
        <ul className="divide-y divide-slate-100" data-testid="mapping-columns">
          {columns.map((column, index) => (
            <li key={index} className="grid gap-2 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_16rem] sm:items-center sm:gap-4 sm:px-5" data-testid="mapping-column">
              <label htmlFor={`column-${index}`} className="truncate text-sm font-medium text-slate-900">
                {column.header}
              </label>
              <p className="truncate text-sm text-slate-500" title={column.samples.join(" · ")}>
                {column.samples.length ? column.samples.join(" · ") : <span className="italic">{t("mapping.empty")}</span>}
              </p>
              <Select id={`column-${index}`} value={mapping[index] ?? ""} onChange={(event) => choose(index, event.target.value)} data-testid={`mapping-select-${index}`}>
                <option value="">{t("mapping.skip")}</option>
                <optgroup label={t("mapping.builtIn")}>
                  {BUILT_IN_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`fields.${field}`)}
                    </option>
                  ))}
                </optgroup>
                {attributes.length ? (
                  <optgroup label={t("mapping.custom")}>
                    {attributes.map((attribute) => (
                      <option key={attribute.key} value={`attribute:${attribute.key}`}>
                        {attribute.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </Select>
            </li>
          ))}
        </ul>
      </Card>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-500">{t("mapping.keyHint")}</p>
        <Button type="submit" pending={pending} icon={<ArrowRight className="h-4 w-4" aria-hidden />} data-testid="start-import">
          {t("mapping.start")}
        </Button>
      </div>
    </form>
  );
}
