"use client";

import { Eye, Loader2, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-error-text";
import { dryRunAutomationDraft } from "@/lib/automations/actions";
import type { AudienceCatalogue } from "@/lib/automations/rules/catalogue";
import { audienceSubjectFor } from "@/lib/automations/rules";
import { formatPhone } from "@/lib/phone";
import { RuleBuilder, ruleErrors } from "@/components/audience/rule-builder";
import { countForScope, useAudienceCount } from "@/components/audience/use-audience-count";
import { asInput, type StepProps } from "./types";

type DryRun = { count: number; rows: { customerId: string; name: string; mobile: string | null; text: string | null; skipReason: string | null }[] };

export function CustomersStep({ definition, update, errors, catalogue, automationId }: StepProps & { catalogue: AudienceCatalogue; automationId?: string }) {
  const t = useTranslations("automations.wizard");
  const errorText = useErrorText();
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [dryRunError, setDryRunError] = useState<string>();
  const [running, startRun] = useTransition();
  const [showErrors, setShowErrors] = useState(false);
  const liveErrors = ruleErrors(definition.rules);
  const valid = Object.keys(liveErrors).length === 0;
  const subject = audienceSubjectFor(definition.triggerScope);
  const rulesKey = JSON.stringify(definition.rules);

  const { count, error: countError, counting } = useAudienceCount(definition.rules, valid, countForScope(definition.triggerScope), definition.triggerScope);

  const runDryRun = () =>
    startRun(async () => {
      setShowErrors(true);
      if (!valid) return;
      const result = await dryRunAutomationDraft({ definition: asInput(definition), limit: 10, automationId });
      if (result.ok) {
        setDryRun(result.data);
        setDryRunError(undefined);
      } else setDryRunError(errorText(result.error, result.values));
    });
  // A shown dry run follows the rules.
  useEffect(() => {
    if (dryRun && valid) runDryRun();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rulesKey, definition.messageBody]);

  const shownErrors = { ...(showErrors ? liveErrors : {}), ...errors };

  return (
    <div className="space-y-5">
      <RuleBuilder rules={definition.rules} onChange={(rules) => update({ rules })} catalogue={catalogue} errors={shownErrors} />

      <div className="flex flex-wrap items-center gap-3 rounded-xl bg-brand-50 px-4 py-3 ring-1 ring-brand-200 ring-inset" aria-live="polite" data-testid="audience-count">
        <Users className="h-5 w-5 text-brand-700" aria-hidden />
        <p className="flex-1 text-sm text-brand-900">
          {!valid ? (
            t("countIncomplete")
          ) : countError ? (
            countError
          ) : count === null ? (
            t("counting")
          ) : (
            <>
              <span className="text-lg font-semibold tabular-nums" data-testid="audience-count-value">
                {count.toLocaleString()}
              </span>{" "}
              {t(`countMatch.${subject}`, { count })}
            </>
          )}
        </p>
        {counting && valid ? <Loader2 className="h-4 w-4 animate-spin text-brand-700" aria-label={t("counting")} /> : null}
        <Button variant="secondary" size="sm" onClick={runDryRun} pending={running} icon={<Eye className="h-4 w-4" aria-hidden />} data-testid="dry-run">
          {t("dryRun")}
        </Button>
      </div>

      {dryRunError ? <Alert tone="error">{dryRunError}</Alert> : null}
      {dryRun ? (
        <div className="overflow-hidden rounded-xl ring-1 ring-slate-200" data-testid="dry-run-table">
          <p className="border-b border-slate-100 bg-slate-50 px-4 py-2 text-xs font-medium text-slate-600">{t("dryRunCaption", { shown: dryRun.rows.length, count: dryRun.count })}</p>
          {dryRun.rows.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">{t("dryRunEmpty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {dryRun.rows.map((row, index) => (
                <li key={`${row.customerId}-${index}`} className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-4" data-testid="dry-run-row" data-customer-id={row.customerId} data-skipped={row.skipReason ? "true" : "false"}>
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-900">{row.name}</p>
                    <p className="text-xs text-slate-500 tabular-nums">{row.mobile ? formatPhone(row.mobile) : t("noMobile")}</p>
                  </div>
                  {row.skipReason ? (
                    <p className="flex items-start gap-2 text-sm">
                      <Badge tone="yellow">{t("skipped")}</Badge>
                      <span className="text-slate-600">{t(`skipReasons.${row.skipReason}`)}</span>
                    </p>
                  ) : (
                    <p className="text-sm whitespace-pre-wrap text-slate-700">{row.text}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
