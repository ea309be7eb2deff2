"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { saveProfile } from "@/lib/users/actions";

export type ProfileValues = { firstName: string; lastName: string; jobTitle: string; externalId: string };

/** First and last name, job title and the id in the dealer system (USER-1). */
export function ProfileForm({ values }: { values: ProfileValues }) {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (_state: unknown, data: FormData) => {
    const result = await saveProfile(data);
    if (result.ok) router.refresh();
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (name: string) => errorText(failed?.fieldErrors?.[name]?.[0]);
  const field = (name: keyof ProfileValues, label: string, extra: { hint?: string; autoComplete?: string } = {}) => (
    <Field label={label} htmlFor={`profile-${name}`} hint={extra.hint} error={fieldError(name)}>
      <Input id={`profile-${name}`} name={name} defaultValue={values[name]} autoComplete={extra.autoComplete} aria-invalid={Boolean(fieldError(name))} />
    </Field>
  );
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate data-testid="profile-form">
      {state?.ok ? <Alert tone="success" className="sm:col-span-2">{t("profileSaved")}</Alert> : null}
      {failed && !failed.fieldErrors ? <Alert tone="error" className="sm:col-span-2">{errorText(failed.error, failed.values)}</Alert> : null}
      {field("firstName", t("firstName"), { autoComplete: "given-name" })}
      {field("lastName", t("lastName"), { autoComplete: "family-name" })}
      {field("jobTitle", t("jobTitle"), { autoComplete: "organization-title" })}
      {field("externalId", t("externalId"), { hint: t("externalIdHint") })}
      <div className="sm:col-span-2">
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
