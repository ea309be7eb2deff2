"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { AssigneeSelect } from "@/components/people/assignee-select";
import { Input, Select } from "@/components/ui/input";
import { SettingsFormCard } from "@/components/ui/settings-form-card";
import { useErrorText } from "@/components/ui/use-error-text";
import { updateConversationSettings } from "@/lib/company/actions";

type Option = { id: string; name: string };

export function ConversationSettingsForm({
  autoCloseDays,
  unansweredAfterHours,
  defaultAssignee,
  users,
  teams,
}: {
  autoCloseDays: number | null;
  unansweredAfterHours: number;
  defaultAssignee: string;
  users: Option[];
  teams: Option[];
}) {
  const t = useTranslations("company");
  const errorText = useErrorText();
  const router = useRouter();
  const [state, setState] = useState<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateConversationSettings(data);
      setState(result);
      if (result.ok) router.refresh();
    });
  };
  const fieldError = (name: string) => errorText(state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

  return (
    <SettingsFormCard title={t("conversationsTitle")} description={t("conversationsDescription")} onSubmit={submit} pending={pending} saveLabel={t("save")} className="sm:max-w-md">
      {state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
      {state && !state.ok && !state.fieldErrors ? <Alert tone="error">{errorText(state.error)}</Alert> : null}
      <Field label={t("autoClose")} htmlFor="autoCloseDays" hint={t("autoCloseHint")} error={fieldError("autoCloseDays")}>
        <Select id="autoCloseDays" name="autoCloseDays" defaultValue={autoCloseDays ?? ""}>
          <option value="">{t("autoCloseOff")}</option>
          {Array.from({ length: 15 }, (_, i) => i + 1).map((days) => (
            <option key={days} value={days}>
              {t("afterDays", { count: days })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("unansweredAfter")} htmlFor="unansweredAfterHours" hint={t("unansweredHint")} error={fieldError("unansweredAfterHours")}>
        <Input id="unansweredAfterHours" name="unansweredAfterHours" type="number" min={1} max={168} defaultValue={unansweredAfterHours} className="max-w-32" />
      </Field>
      <Field label={t("defaultAssignee")} htmlFor="defaultAssignee" hint={t("defaultAssigneeHint")} error={fieldError("defaultAssignee")}>
        <AssigneeSelect id="defaultAssignee" name="defaultAssignee" defaultValue={defaultAssignee} users={users} teams={teams} noneLabel={t("nobody")} />
      </Field>
    </SettingsFormCard>
  );
}
