"use client";

import { Plus, Trash2, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/page-header";
import { useErrorText } from "@/components/ui/use-error-text";
import { createTeam, deleteTeam, setTeamMembers } from "@/lib/company/actions";

type Team = { id: string; name: string; memberIds: string[] };
type User = { id: string; name: string };

export function TeamsManager({ teams, users }: { teams: Team[]; users: User[] }) {
  const t = useTranslations("company");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>, after?: () => void) =>
    startTransition(async () => {
      const result = await work();
      if (!result.ok) return setError(errorText(result.fieldErrors?.name?.[0] ?? result.error));
      setError(undefined);
      after?.();
      router.refresh();
    });

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    run(() => createTeam({ name }), () => form.reset());
  };

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("teamsTitle")} description={t("teamsDescription")} />
        <CardBody>
          <form onSubmit={create} className="flex flex-col gap-2 sm:flex-row">
            <Input name="name" placeholder={t("teamNamePlaceholder")} aria-label={t("teamName")} className="sm:max-w-xs" />
            <Button type="submit" pending={pending} icon={<Plus className="h-4 w-4" aria-hidden />}>
              {t("createTeam")}
            </Button>
          </form>
          {error ? <Alert tone="error" className="mt-3">{error}</Alert> : null}
        </CardBody>
      </Card>

      {teams.length === 0 ? (
        <Card>
          <EmptyState icon={<Users className="h-6 w-6" />} title={t("noTeams")} />
        </Card>
      ) : null}
      {teams.map((team) => (
        <Card key={team.id} data-testid="team-card">
          <CardHeader
            title={team.name}
            description={t("memberCount", { count: team.memberIds.length })}
            action={
              <ConfirmDialog
                trigger={
                  <DialogTrigger asChild>
                  <Button variant="ghost" size="sm" aria-label={t("deleteTeamNamed", { name: team.name })}>
                    <Trash2 className="h-4 w-4" aria-hidden />
                  </Button>
                  </DialogTrigger>
                }
                title={t("deleteTeamTitle", { name: team.name })}
                description={t("deleteTeamDescription")}
                confirmLabel={t("deleteTeam")}
                cancelLabel={t("cancel")}
                pending={pending}
                onConfirm={() => run(() => deleteTeam({ teamId: team.id }))}
              />
            }
          />
          <CardBody>
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-slate-700">{t("members")}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {users.map((user) => {
                  const checked = team.memberIds.includes(user.id);
                  return (
                    <label key={user.id} className="flex items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-50">
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={pending}
                        onChange={() =>
                          run(() =>
                            setTeamMembers({
                              teamId: team.id,
                              userIds: checked ? team.memberIds.filter((id) => id !== user.id) : [...team.memberIds, user.id],
                            }),
                          )
                        }
                        className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                      />
                      <Avatar name={user.name} size="sm" />
                      {user.name}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
