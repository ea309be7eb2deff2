"use client";

import { ArrowLeft, Mail } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { forgotPasswordAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState((_state: unknown, data: FormData) => forgotPasswordAction(data), null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("forgotSent")}</Alert>
        <BackToSignIn label={t("backToSignIn")} />
      </div>
    );
  }
  const emailError = state && !state.ok ? state.fieldErrors?.email?.[0] : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label={t("email")} htmlFor="email" error={errorText(emailError)}>
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus aria-invalid={Boolean(emailError)} />
      </Field>
      <Button type="submit" className="w-full" pending={pending} icon={<Mail className="h-4 w-4" aria-hidden />}>
        {t("forgotButton")}
      </Button>
      <BackToSignIn label={t("backToSignIn")} />
    </form>
  );
}

function BackToSignIn({ label }: { label: string }) {
  return (
    <Link href="/sign-in" className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:text-brand-800">
      <ArrowLeft className="h-4 w-4" aria-hidden />
      {label}
    </Link>
  );
}
