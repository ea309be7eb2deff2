"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { changePassword } from "@/lib/users/actions";

export function PasswordForm() {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState((_state: unknown, data: FormData) => changePassword(data), null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (name: string) => errorText(failed?.fieldErrors?.[name]?.[0]);
  return (
    <form action={formAction} className="grid gap-4 sm:max-w-md" noValidate>
      {state?.ok ? <Alert tone="success">{t("passwordChanged")}</Alert> : null}
      {failed && !failed.fieldErrors ? <Alert tone="error">{errorText(failed.error)}</Alert> : null}
      <Field label={t("newPassword")} htmlFor="password" hint={t("passwordRules")} error={fieldError("password")}>
        <Input id="password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(fieldError("password"))} />
      </Field>
      <Field label={t("confirmPassword")} htmlFor="confirmation" error={fieldError("confirmation")}>
        <Input id="confirmation" name="confirmation" type="password" autoComplete="new-password" aria-invalid={Boolean(fieldError("confirmation"))} />
      </Field>
      <Field label={t("currentPassword")} htmlFor="currentPassword" error={fieldError("currentPassword")}>
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" aria-invalid={Boolean(fieldError("currentPassword"))} />
      </Field>
      <div>
        <Button type="submit" pending={pending}>
          {t("changePassword")}
        </Button>
      </div>
    </form>
  );
}
