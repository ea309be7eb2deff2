"use client";

import { LogIn } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { signInAction } from "@/lib/auth/actions";

export function SignInForm({ callbackUrl, passwordWasReset }: { callbackUrl?: string; passwordWasReset: boolean }) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const router = useRouter();
  const [state, formAction, pending] = useActionState((_state: unknown, data: FormData) => signInAction(data), null);
  useEffect(() => {
    if (state?.ok) {
      router.replace(state.data.redirectTo);
      router.refresh();
    }
  }, [state, router]);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {passwordWasReset && !failed ? <Alert tone="success">{t("passwordWasReset")}</Alert> : null}
      {failed ? <Alert tone="error">{errorText(failed.error)}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field label={t("email")} htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Field label={t("password")} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <div className="flex justify-end">
        <Link href="/forgot-password" className="text-sm font-medium text-brand-700 hover:text-brand-800">
          {t("forgotLink")}
        </Link>
      </div>
      <Button type="submit" className="w-full" pending={pending} icon={<LogIn className="h-4 w-4" aria-hidden />}>
        {t("signInButton")}
      </Button>
    </form>
  );
}
