"use client";

import { AlertCircle, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { findAttribute, valueKindOf, type AudienceCatalogue, type AudienceOperator } from "@/lib/automations/rules/catalogue";
import type { AutomationDefinition } from "@/lib/automations/types";
import type { WizardStep } from "@/lib/automations/validation";
import type { WizardUser } from "./types";

function Row({ step, title, onEdit, invalid, children }: { step: WizardStep; title: string; onEdit: (step: WizardStep) => void; invalid: boolean; children: ReactNode }) {
  const t = useTranslations("automations.wizard");
  return (
    <div className={cn("flex gap-3 py-4", invalid && "rounded-lg bg-red-50 px-3")} data-testid={`review-${step}`}>
      <div className="min-w-0 flex-1">
        <dt className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {invalid ? <AlertCircle className="h-3.5 w-3.5 text-red-600" aria-hidden /> : null}
          {title}
        </dt>
        <dd className="mt-1 text-sm text-slate-800">{children}</dd>
      </div>
      <Button variant="ghost" size="sm" onClick={() => onEdit(step)} icon={<Pencil className="h-3.5 w-3.5" aria-hidden />} aria-label={t("editStep", { step: title })}>
        <span className="hidden sm:inline">{t("edit")}</span>
      </Button>
    </div>
  );
}

/** The last step: what will be created, each part one click from its step. */
export function ReviewStep({ definition, users, catalogue, timeZone, onEdit, invalidSteps }: { definition: AutomationDefinition; users: WizardUser[]; catalogue: AudienceCatalogue; timeZone: string; onEdit: (step: WizardStep) => void; invalidSteps: Set<WizardStep> }) {
  const t = useTranslations("automations.wizard");
  const tType = useTranslations("automations.type");
  const tRules = useTranslations("automationRules");
  const userName = (id: string | null | undefined) => users.find((user) => user.id === id)?.name;
  const groupName = (id: unknown) => findAttribute(catalogue, "customer", "group")?.choices?.find((choice) => choice.value === id)?.label;
  const valueText = (value: unknown, operator: string) => {
    const kind = valueKindOf(operator as AudienceOperator);
    if (kind === "none") return "";
    if (kind === "group") return `« ${groupName(value) ?? "?"} »`;
    if (kind === "offset" && value && typeof value === "object" && !Array.isArray(value)) {
      const offset = value as { amount: number; unit: "minutes" | "hours" | "days" };
      return `${offset.amount} ${tRules(`units.${offset.unit}`)}`;
    }
    if (kind === "range" && Array.isArray(value)) return value.join(` ${t("and")} `);
    if (Array.isArray(value)) return value.join(", ");
    if (kind === "days") return `${String(value)} ${tRules("units.days")}`;
    return `« ${String(value ?? "")} »`;
  };
  return (
    <dl className="divide-y divide-slate-100">
      <Row step="name" title={t("steps.name")} onEdit={onEdit} invalid={invalidSteps.has("name")}>
        <span className="font-medium">{definition.name || t("untitled")}</span> · {tType(definition.type)}
      </Row>
      <Row step="message" title={t("steps.message")} onEdit={onEdit} invalid={invalidSteps.has("message")}>
        <p className="whitespace-pre-wrap">{definition.messageBody || <span className="text-red-700">{t("noMessage")}</span>}</p>
        {definition.marketing ? <p className="mt-1 text-xs text-slate-500">{t("marketing")}</p> : null}
      </Row>
      <Row step="replies" title={t("steps.replies")} onEdit={onEdit} invalid={invalidSteps.has("replies")}>
        {definition.keywordResponses.length === 0 ? (
          <p>{t("noKeywordResponses")}</p>
        ) : (
          <ul className="space-y-1">
            {definition.keywordResponses.map((response, index) => (
              <li key={response.id}>
                {index + 1}. {response.keywords.join(", ") || "—"}
                {response.action ? ` → ${t(`actions.${response.action}`)}` : ""}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-1 text-slate-600">
          {t("fallbackUser")}: {userName(definition.fallbackUserId) ?? t("fallbackUserNone")}
          {definition.sentimentEnabled ? ` · ${t("emotion")}${definition.sentimentScale ? ` (/${definition.sentimentScale})` : ""}` : ""}
        </p>
      </Row>
      <Row step="customers" title={t("steps.customers")} onEdit={onEdit} invalid={invalidSteps.has("customers")}>
        {definition.rules.all.length === 0 ? (
          <p>{t("everyone")}</p>
        ) : (
          <ul className="space-y-1">
            {definition.rules.all.map((rule, index) => (
              <li key={index}>
                {index > 0 ? <span className="mr-1 text-xs font-semibold text-slate-500">{tRules("and")}</span> : null}
                {rule.any
                  .map((condition) => {
                    const attribute = findAttribute(catalogue, condition.category, condition.attribute);
                    const label = attribute?.label ?? (attribute?.labelKey ? tRules(attribute.labelKey.replace(/^automationRules\./, "")) : condition.attribute);
                    const operator = tRules(`operators.${condition.operator}`);
                    // "within the next N days" reads "within the next 2 days".
                    const phrase =
                      valueKindOf(condition.operator as AudienceOperator) === "days" && /\bN\b/.test(operator)
                        ? operator.replace(/\bN\b/, String(condition.value))
                        : `${operator} ${valueText(condition.value, condition.operator)}`;
                    return `${tRules(`categories.${condition.category}`)} · ${label} ${phrase}`.trim();
                  })
                  .join(` ${tRules("or")} `)}
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row step="schedule" title={t("steps.schedule")} onEdit={onEdit} invalid={invalidSteps.has("schedule")}>
        {definition.schedule === "daily" ? t("summaryDaily", { time: definition.dailyAt, zone: timeZone }) : t("summaryRealtime", { minutes: definition.realtimeEveryMinutes })} ·{" "}
        {definition.triggerScope === "customer_repeat" ? t("summaryRepeat", { days: definition.repeatAfterDays ?? 0 }) : t(`scopes.${definition.triggerScope}`)}
      </Row>
    </dl>
  );
}
