"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { RANGE_PRESETS, type RangePreset } from "@/lib/reports/range";

/**
 * The period in the URL (the page is rendered on the server): a preset applies at once,
 * a custom range on Apply. Without JavaScript the form still submits as a GET.
 */
export function RangePicker({ preset, fromDay, toDay }: { preset: RangePreset; fromDay: string; toDay: string }) {
  const t = useTranslations("reports.range");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useState<RangePreset>(preset);
  const go = (params: Record<string, string>) => startTransition(() => router.push(`/reports?${new URLSearchParams(params)}`));
  return (
    <form
      method="get"
      action="/reports"
      className="flex flex-wrap items-end gap-3"
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        go(Object.fromEntries([...data.entries()].map(([key, value]) => [key, String(value)])));
      }}
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("label")}
        <Select
          name="range"
          value={selected}
          data-testid="report-range"
          className="w-44"
          onChange={(event) => {
            const value = event.target.value as RangePreset;
            setSelected(value);
            if (value !== "custom") go({ range: value });
          }}
        >
          {RANGE_PRESETS.map((value) => (
            <option key={value} value={value}>
              {t(value)}
            </option>
          ))}
        </Select>
      </label>
      {selected === "custom" ? (
        <>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("from")}
            <Input type="date" name="from" defaultValue={fromDay} required data-testid="report-from" className="w-40" />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("to")}
            <Input type="date" name="to" defaultValue={toDay} required data-testid="report-to" className="w-40" />
          </label>
          <Button type="submit" pending={pending} data-testid="report-apply">
            {t("apply")}
          </Button>
        </>
      ) : null}
    </form>
  );
}
