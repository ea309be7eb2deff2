"use client";

import { LogIn } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { acceptInvitationAsExistingUser, acceptInvitationAsNewUser } from "@/lib/staff/actions";

export function AcceptInvitationForm({ token, hasAccount }: { token: string; hasAccount: boolean }) {
  const t = useTranslations("staff.accept");
  const auth = useTranslations("auth");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(async (_state: unknown, data: FormData) => {
    const result = await (hasAccount ? acceptInvitationAsExistingUser(data) : acceptInvitationAsNewUser(data));
    // At once, not in an effect: the new session cookie refreshes this page, which then no longer holds the form.
    // A full load, so the whole app reads that cookie.
    if (result.ok) window.location.assign(result.data.redirectTo);
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (name: string) => errorText(failed?.fieldErrors?.[name]?.[0]);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {failed && !failed.fieldErrors ? <Alert tone="error">{errorText(failed.error)}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {hasAccount ? null : (
        <Field label={t("name")} htmlFor="name" error={fieldError("name")}>
          <Input id="name" name="name" autoComplete="name" required autoFocus aria-invalid={Boolean(fieldError("name"))} />
        </Field>
      )}
      <Field label={t("password")} htmlFor="password" hint={hasAccount ? undefined : auth("passwordRules")} error={fieldError("password")}>
        <Input id="password" name="password" type="password" autoComplete={hasAccount ? "current-password" : "new-password"} required autoFocus={hasAccount} aria-invalid={Boolean(fieldError("password"))} />
      </Field>
      {hasAccount ? null : (
        <Field label={t("confirmation")} htmlFor="confirmation" error={fieldError("confirmation")}>
          <Input id="confirmation" name="confirmation" type="password" autoComplete="new-password" required aria-invalid={Boolean(fieldError("confirmation"))} />
        </Field>
      )}
      <Button type="submit" className="w-full" pending={pending} icon={<LogIn className="h-4 w-4" aria-hidden />}>
        {t("join")}
      </Button>
    </form>
  );
}
