"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { resetPasswordAction } from "@/lib/auth/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const router = useRouter();
  const [state, formAction, pending] = useActionState((_state: unknown, data: FormData) => resetPasswordAction(data), null);
  useEffect(() => {
    if (state?.ok) router.push("/sign-in?reset=1");
  }, [state, router]);
  const failed = state && !state.ok ? state : null;
  const fieldError = (name: string) => errorText(failed?.fieldErrors?.[name]?.[0]);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {failed && !failed.fieldErrors ? <Alert tone="error">{errorText(failed.error)}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field label={t("newPassword")} htmlFor="password" hint={t("passwordRules")} error={fieldError("password")}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required autoFocus aria-invalid={Boolean(fieldError("password"))} />
      </Field>
      <Field label={t("confirmPassword")} htmlFor="confirmation" error={fieldError("confirmation")}>
        <Input id="confirmation" name="confirmation" type="password" autoComplete="new-password" required aria-invalid={Boolean(fieldError("confirmation"))} />
      </Field>
      <Button type="submit" className="w-full" pending={pending} icon={<KeyRound className="h-4 w-4" aria-hidden />}>
        {t("resetButton")}
      </Button>
    </form>
  );
}
