"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Input } from "@/components/ui/input";
import { SettingsFormCard } from "@/components/ui/settings-form-card";
import { useErrorText } from "@/components/ui/use-error-text";
import { updateBusinessHours } from "@/lib/company/actions";

type Day = { day: number; open: string; close: string };
type Row = { open: boolean; from: string; to: string };

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Hours not set yet: Monday to Friday, 9 to 5, as a starting point. */
function initialRows(hours: Day[] | null): Record<number, Row> {
  return Object.fromEntries(
    WEEKDAYS.map((day) => {
      const set = hours?.find((entry) => entry.day === day);
      if (set) return [day, { open: true, from: set.open, to: set.close }];
      return [day, { open: !hours && day <= 5, from: "09:00", to: "17:00" }];
    }),
  );
}

export function BusinessHoursForm({ hours }: { hours: Day[] | null }) {
  const t = useTranslations("company.businessHours");
  const errorText = useErrorText();
  const router = useRouter();
  const [enabled, setEnabled] = useState(hours !== null);
  const [rows, setRows] = useState(() => initialRows(hours));
  const [state, setState] = useState<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]>; sent?: number[] } | null>(null);
  const [pending, startTransition] = useTransition();

  const change = (day: number, patch: Partial<Row>) => setRows((current) => ({ ...current, [day]: { ...current[day]!, ...patch } }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const openDays = WEEKDAYS.filter((day) => rows[day]!.open);
    startTransition(async () => {
      const result = await updateBusinessHours({ enabled, days: openDays.map((day) => ({ day, open: rows[day]!.from, close: rows[day]!.to })) });
      setState({ ...result, sent: openDays });
      if (result.ok) router.refresh();
    });
  };
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  // Errors come back per position in the list sent ("days.2.close"): find the weekday it was.
  const dayError = (day: number) => {
    const index = state?.sent?.indexOf(day) ?? -1;
    return index < 0 ? undefined : errorText(fieldErrors?.[`days.${index}.close`]?.[0] ?? fieldErrors?.[`days.${index}.open`]?.[0]);
  };
  const timeInput = (day: number, edge: "from" | "to", invalid: boolean) => (
    <Input
      type="time"
      aria-label={t(edge === "from" ? "opens" : "closes", { day: t(`days.${day}`) })}
      value={rows[day]![edge]}
      onChange={(event) => change(day, { [edge]: event.target.value })}
      className="w-32"
      required
      aria-invalid={invalid || undefined}
    />
  );

  return (
    <SettingsFormCard title={t("title")} description={t("description")} onSubmit={submit} pending={pending} saveLabel={t("save")} className="sm:max-w-lg" testId="business-hours-form">
      {state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{errorText(state.error)}</Alert> : null}
      <CheckboxField label={t("enabled")} checked={enabled} onChange={(event) => setEnabled(event.target.checked)} name="enabled" />
      <fieldset disabled={!enabled} className="space-y-2 disabled:opacity-50">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("legend")}</legend>
        {WEEKDAYS.map((day) => {
          const error = dayError(day);
          return (
            <div key={day} className="rounded-lg px-1 py-1" data-testid={`business-day-${day}`}>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <div className="w-36">
                  <CheckboxField label={t(`days.${day}`)} checked={rows[day]!.open} onChange={(event) => change(day, { open: event.target.checked })} />
                </div>
                {rows[day]!.open ? (
                  <div className="flex items-center gap-2">
                    {timeInput(day, "from", Boolean(error))}
                    <span className="text-sm text-slate-500" aria-hidden>
                      –
                    </span>
                    {timeInput(day, "to", Boolean(error))}
                  </div>
                ) : (
                  <span className="text-sm text-slate-500">{t("closed")}</span>
                )}
              </div>
              {error ? (
                <p role="alert" className="mt-1 text-sm text-red-600">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        {fieldErrors?.days ? (
          <p role="alert" className="text-sm text-red-600">
            {errorText(fieldErrors.days[0])}
          </p>
        ) : null}
      </fieldset>
      <p className="text-sm text-slate-500">{t("hint")}</p>
    </SettingsFormCard>
  );
}
