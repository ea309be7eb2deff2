"use client";

import { useTranslations } from "next-intl";
import { ChoiceCard } from "@/components/ui/choice-card";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { TRIGGER_SCOPES } from "@/lib/automations/validation";
import type { StepProps } from "./types";

export function ScheduleStep({ definition, update, errors, timeZone }: StepProps & { timeZone: string }) {
  const t = useTranslations("automations.wizard");
  const errorText = useErrorText();
  const daily = definition.schedule === "daily";
  return (
    <div className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("when")}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          <ChoiceCard name="schedule" value="daily" checked={daily} onSelect={() => update({ schedule: "daily" })} title={t("scheduleDaily")} hint={t("scheduleDailyHint")} testId="schedule-daily">
            {daily ? (
              <>
                <label htmlFor="daily-at">{t("dailyAtLabel")}</label>
                <Input id="daily-at" type="time" value={definition.dailyAt} onChange={(event) => update({ dailyAt: event.target.value })} className="max-w-32" aria-invalid={Boolean(errors.dailyAt)} />
                <span className="text-slate-500">{t("inZone", { zone: timeZone })}</span>
              </>
            ) : null}
          </ChoiceCard>
          <ChoiceCard name="schedule" value="realtime" checked={!daily} onSelect={() => update({ schedule: "realtime" })} title={t("scheduleRealtime")} hint={t("scheduleRealtimeHint")} testId="schedule-realtime">
            {!daily ? (
              <>
                <label htmlFor="realtime-every">{t("everyLabel")}</label>
                <Input
                  id="realtime-every"
                  type="number"
                  min={1}
                  max={1440}
                  value={definition.realtimeEveryMinutes}
                  onChange={(event) => update({ realtimeEveryMinutes: Number(event.target.value) || 0 })}
                  className="max-w-24"
                  aria-invalid={Boolean(errors.realtimeEveryMinutes)}
                />
                <span>{t("minutes")}</span>
              </>
            ) : null}
          </ChoiceCard>
        </div>
        {errors.dailyAt || errors.realtimeEveryMinutes ? <p className="text-sm text-red-600">{errorText(errors.dailyAt ?? errors.realtimeEveryMinutes)}</p> : null}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("sameTrigger")}</legend>
        <p className="text-sm text-slate-500">{t("sameTriggerHint")}</p>
        <div className="grid gap-3 md:grid-cols-2">
          {TRIGGER_SCOPES.map((scope) => (
            <ChoiceCard
              key={scope}
              name="trigger-scope"
              value={scope}
              checked={definition.triggerScope === scope}
              onSelect={() => update({ triggerScope: scope, repeatAfterDays: scope === "customer_repeat" ? (definition.repeatAfterDays ?? 30) : definition.repeatAfterDays })}
              title={t(`scopes.${scope}`)}
              hint={t(`scopeHints.${scope}`)}
              testId={`scope-${scope}`}
            >
              {scope === "customer_repeat" && definition.triggerScope === scope ? (
                <>
                  <label htmlFor="repeat-after">{t("repeatAfter")}</label>
                  <Input
                    id="repeat-after"
                    type="number"
                    min={1}
                    value={definition.repeatAfterDays ?? ""}
                    onChange={(event) => update({ repeatAfterDays: event.target.value ? Number(event.target.value) : null })}
                    className="max-w-24"
                    aria-invalid={Boolean(errors.repeatAfterDays)}
                  />
                  <span>{t("days")}</span>
                </>
              ) : null}
            </ChoiceCard>
          ))}
        </div>
        {errors.repeatAfterDays ? <p className="text-sm text-red-600">{errorText(errors.repeatAfterDays)}</p> : null}
      </fieldset>
    </div>
  );
}
