"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SettingsFormCard } from "@/components/ui/settings-form-card";
import { useErrorText } from "@/components/ui/use-error-text";
import { updateWeeklyReport } from "@/lib/company/actions";

/** The weekly progress email, on or off for the whole company. */
export function WeeklyReportForm({ enabled: initial }: { enabled: boolean }) {
  const t = useTranslations("company.weeklyReport");
  const errorText = useErrorText();
  const router = useRouter();
  const [enabled, setEnabled] = useState(initial);
  const [state, setState] = useState<{ ok: boolean; error?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateWeeklyReport({ enabled });
      setState(result);
      if (result.ok) router.refresh();
    });
  };

  return (
    <SettingsFormCard title={t("title")} description={t("description")} onSubmit={submit} pending={pending} saveLabel={t("save")} className="sm:max-w-lg" testId="weekly-report-form">
      {state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{errorText(state.error)}</Alert> : null}
      <CheckboxField label={t("enabled")} checked={enabled} onChange={(event) => setEnabled(event.target.checked)} name="enabled" data-testid="weekly-report-enabled" />
      <p className="text-sm text-slate-500">{t("hint")}</p>
    </SettingsFormCard>
  );
}
