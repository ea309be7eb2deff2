"use client";

import { Mail } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";
import { sendReportEmailsNow } from "@/lib/reports/actions";

/** Lets a person see the weekly progress and daily deposits emails without waiting for Monday 07:00. */
export function SendReportEmails() {
  const t = useTranslations("reportEmails.dev");
  const errorText = useErrorText();
  const router = useRouter();
  const [result, setResult] = useState<Awaited<ReturnType<typeof sendReportEmailsNow>> | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const outcome = await sendReportEmailsNow({});
      setResult(outcome);
      router.refresh();
    });
  return (
    <Card className="mb-6 px-5 py-4">
      <h2 className="text-sm font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-1 mb-3 text-sm text-slate-500">{t("description")}</p>
      <Button type="button" variant="secondary" icon={<Mail className="h-4 w-4" aria-hidden />} pending={pending} onClick={send} data-testid="send-report-emails">
        {pending ? t("sending") : t("button")}
      </Button>
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} className="mt-3">
          {result.ok ? t("result", result.data) : errorText(result.error)}
        </Alert>
      ) : null}
    </Card>
  );
}
