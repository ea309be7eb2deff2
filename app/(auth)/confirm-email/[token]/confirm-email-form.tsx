"use client";

import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-error-text";
import { confirmEmailChange } from "@/lib/users/actions";

export function ConfirmEmailForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("profile");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(() => confirmEmailChange({ token }), null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("confirmed", { email: state.data.email })}</Alert>
        <Link href="/settings" className="text-sm font-medium text-brand-700 hover:text-brand-800">
          {t("toSettings")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok ? <Alert tone="error">{errorText(state.error)}</Alert> : null}
      <p className="text-sm text-slate-600">{t("confirmText", { email })}</p>
      <Button type="submit" className="w-full" pending={pending} icon={<MailCheck className="h-4 w-4" aria-hidden />}>
        {t("confirmButton")}
      </Button>
    </form>
  );
}
