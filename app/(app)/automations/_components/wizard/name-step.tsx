"use client";

import { Bot, CalendarCheck, CreditCard, Star } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import type { AutomationDefinition } from "@/lib/automations/types";
import { AUTOMATION_TYPES } from "@/lib/automations/validation";
import type { StepProps } from "./types";

const ICONS = { general: Bot, appointment_reminder: CalendarCheck, payment_request: CreditCard, review_request: Star } as const;

/** Defaults a type brings when its replies are still untouched (reminders: OUI confirms, NON cancels). */
export function typeDefaults(type: AutomationDefinition["type"], current: AutomationDefinition, t: (key: string) => string): Partial<AutomationDefinition> {
  const changes: Partial<AutomationDefinition> = { type };
  if (type === "appointment_reminder") {
    changes.triggerScope = "appointment";
    // The usual reminder: tomorrow's appointments that are still to come.
    if (current.rules.all.length === 0) changes.rules = { all: [{ any: [{ category: "appointment", attribute: "start_at", operator: "within_next_days", value: 1 }] }] };
    if (current.keywordResponses.length === 0) {
      changes.keywordResponses = [
        { id: "confirm", keywords: ["Oui", "Yes", "OK", "D'accord", "Bien sûr"], reply: t("defaults.confirmReply"), action: "confirm_appointment", assignToUserId: null },
        { id: "cancel", keywords: ["Non", "No"], reply: t("defaults.cancelReply"), action: "cancel_appointment", assignToUserId: null },
        { id: "reschedule", keywords: ["Changer", "Reporter", "Déplacer", "Reschedule", "Change"], reply: t("defaults.rescheduleReply"), action: "reschedule_appointment", assignToUserId: null },
      ];
    }
  } else {
    changes.keywordResponses = current.keywordResponses.map((response) => ({ ...response, action: null }));
    if (current.triggerScope === "appointment" && type !== "review_request") changes.triggerScope = type === "payment_request" ? "event" : "customer";
  }
  if (type === "review_request" && !current.sentimentEnabled) changes.sentimentEnabled = true;
  return changes;
}

export function NameStep({ definition, update, errors }: StepProps) {
  const t = useTranslations("automations.wizard");
  const tType = useTranslations("automations.type");
  const errorText = useErrorText();
  return (
    <>
      <Field label={t("name")} htmlFor="automation-name" error={errorText(errors.name)} hint={t("nameHint")}>
        <Input
          id="automation-name"
          value={definition.name}
          onChange={(event) => update({ name: event.target.value })}
          aria-invalid={Boolean(errors.name)}
          placeholder={t("namePlaceholder")}
          maxLength={120}
          autoFocus
        />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("type")}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {AUTOMATION_TYPES.map((type) => {
            const Icon = ICONS[type];
            const checked = definition.type === type;
            return (
              <label
                key={type}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-xl p-4 ring-1 transition-colors ring-inset focus-within:ring-2 focus-within:ring-brand-500",
                  checked ? "bg-brand-50 ring-brand-400" : "bg-white ring-slate-200 hover:bg-slate-50",
                )}
              >
                <input
                  type="radio"
                  name="automation-type"
                  value={type}
                  checked={checked}
                  onChange={() => update(typeDefaults(type, definition, t))}
                  className="sr-only"
                  data-testid={`type-${type}`}
                />
                <span className={cn("flex h-9 w-9 shrink-0 items-center justify-center rounded-lg", checked ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600")}>
                  <Icon className="h-5 w-5" aria-hidden />
                </span>
                <span className="min-w-0">
                  <span className="block text-sm font-semibold text-slate-900">{tType(type)}</span>
                  <span className="mt-0.5 block text-sm text-slate-500">{t(`typeHints.${type}`)}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </>
  );
}
