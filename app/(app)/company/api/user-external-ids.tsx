"use client";

import { Check } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { setUserExternalId } from "@/lib/api/actions";

type User = { id: string; name: string; email: string; externalId: string | null };

function UserRow({ user }: { user: User }) {
  const t = useTranslations("api.users");
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const externalId = String(new FormData(event.currentTarget).get("externalId") ?? "");
    startTransition(async () => {
      const result = await setUserExternalId({ userId: user.id, externalId });
      if (!result.ok) {
        setSaved(false);
        return setError(errorText(result.fieldErrors?.externalId?.[0] ?? result.error, result.values));
      }
      setError(undefined);
      setSaved(true);
    });
  };

  return (
    <li data-testid="user-external-id" className="px-4 py-3 sm:px-6">
      <form onSubmit={save} className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <div className="min-w-0 sm:w-1/2">
          <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
          <p className="truncate text-xs text-slate-500">{user.email}</p>
        </div>
        <div className="flex flex-1 gap-2">
          <Input
            name="externalId"
            defaultValue={user.externalId ?? ""}
            placeholder={t("placeholder")}
            maxLength={100}
            aria-label={t("externalId", { name: user.name })}
            aria-invalid={Boolean(error)}
            onChange={() => setSaved(false)}
            className="font-mono text-sm"
          />
          <Button type="submit" variant="secondary" pending={pending} icon={saved ? <Check className="h-4 w-4" aria-hidden /> : undefined}>
            {saved ? t("saved") : t("save")}
          </Button>
        </div>
      </form>
      {error ? <p role="alert" className="mt-1 text-sm text-red-600">{error}</p> : null}
    </li>
  );
}

export function UserExternalIds({ users }: { users: User[] }) {
  const t = useTranslations("api.users");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <ul className="divide-y divide-slate-100">
        {users.map((user) => (
          <UserRow key={user.id} user={user} />
        ))}
      </ul>
    </Card>
  );
}
