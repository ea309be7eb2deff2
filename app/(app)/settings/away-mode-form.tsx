"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { AssigneeSelect } from "@/components/people/assignee-select";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { setAwayMode } from "@/lib/users/actions";

type Option = { id: string; name: string };

export function AwayModeForm({
  enabled: initialEnabled,
  until,
  delegate,
  users,
  teams,
}: {
  enabled: boolean;
  until: string;
  delegate: string;
  users: Option[];
  teams: Option[];
}) {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const router = useRouter();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSaved(false);
    startTransition(async () => {
      const result = await setAwayMode({ enabled, until: data.get("until") ?? "", delegate: data.get("delegate") ?? "" });
      if (!result.ok) return setError(errorText(result.error));
      setError(undefined);
      setSaved(true);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-4 sm:max-w-md">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">{t("awaySaved")}</Alert> : null}
      <CheckboxField label={t("awayEnable")} name="enabled" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
      <Field label={t("awayUntil")} htmlFor="until" hint={t("awayUntilHint")}>
        <Input id="until" name="until" type="datetime-local" defaultValue={until} disabled={!enabled} />
      </Field>
      <Field label={t("awayDelegate")} htmlFor="delegate" hint={t("awayDelegateHint")}>
        <AssigneeSelect id="delegate" name="delegate" defaultValue={delegate} disabled={!enabled} users={users} teams={teams} noneLabel={t("awayNobody")} />
      </Field>
      <div>
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
