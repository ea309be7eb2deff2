"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { requestEmailChange } from "@/lib/users/actions";

/** The sign-in address changes once the new mailbox confirms it. */
export function EmailChangeForm({ email, pendingEmail }: { email: string; pendingEmail: string | null }) {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (_state: unknown, data: FormData) => {
    const result = await requestEmailChange(data);
    if (result.ok) {
      setOpen(false);
      router.refresh();
    }
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (name: string) => errorText(failed?.fieldErrors?.[name]?.[0]);
  return (
    <div className="space-y-3" data-testid="email-change">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="text-sm">
          <div className="text-slate-500">{t("email")}</div>
          <div className="font-medium text-slate-900">{email}</div>
        </div>
        {!open ? (
          <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
            {t("emailChange")}
          </Button>
        ) : null}
      </div>
      {pendingEmail ? <Alert tone="info">{t("emailPending", { email: pendingEmail })}</Alert> : null}
      {open ? (
        <form action={formAction} className="grid gap-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 sm:grid-cols-2" noValidate>
          {failed && !failed.fieldErrors ? <Alert tone="error" className="sm:col-span-2">{errorText(failed.error, failed.values)}</Alert> : null}
          <Field label={t("emailNew")} htmlFor="new-email" error={fieldError("email")}>
            <Input id="new-email" name="email" type="email" autoComplete="email" aria-invalid={Boolean(fieldError("email"))} />
          </Field>
          <Field label={t("currentPassword")} htmlFor="email-password" error={fieldError("currentPassword")}>
            <Input id="email-password" name="currentPassword" type="password" autoComplete="current-password" aria-invalid={Boolean(fieldError("currentPassword"))} />
          </Field>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" pending={pending}>
              {t("emailSendLink")}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
