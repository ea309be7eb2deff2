import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listCompanyUsers, listTeams } from "@/db/queries/users";
import { requireSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { utcToZonedLocal } from "@/lib/time";
import { AwayModeForm } from "./away-mode-form";
import { EngineBadge } from "./engine-badge";
import { LanguageForm } from "./language-form";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage() {
  const { db, companyId, userId, user, company } = await requireSession();
  const t = await getTranslations("settings");
  const [users, teams] = await Promise.all([listCompanyUsers(db, { companyId }), listTeams(db, { companyId })]);
  const delegate = user.awayDelegateUserId ? `user:${user.awayDelegateUserId}` : user.awayDelegateTeamId ? `team:${user.awayDelegateTeamId}` : "";
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-6 px-4 sm:px-6 lg:max-w-3xl lg:px-8">
        <Card>
          <CardHeader title={t("profileTitle")} description={t("profileDescription")} />
          <CardBody className="space-y-4">
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">{t("name")}</dt>
                <dd className="font-medium text-slate-900">{user.name}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("email")}</dt>
                <dd className="font-medium text-slate-900">{user.email}</dd>
              </div>
            </dl>
            <LanguageForm language={user.language} />
          </CardBody>
        </Card>
        <Card id="password">
          <CardHeader title={t("passwordTitle")} description={t("passwordDescription")} />
          <CardBody>
            <PasswordForm />
          </CardBody>
        </Card>
        <Card id="away">
          <CardHeader title={t("awayTitle")} description={t("awayDescription")} />
          <CardBody>
            <AwayModeForm
              enabled={user.awayEnabled}
              until={user.awayUntil ? utcToZonedLocal(user.awayUntil, company.timezone) : ""}
              delegate={delegate}
              users={users.filter((u) => u.id !== userId).map((u) => ({ id: u.id, name: u.name }))}
              teams={teams.map((team) => ({ id: team.id, name: team.name }))}
            />
          </CardBody>
        </Card>
        <EngineBadge engine={env().backgroundEngine} />
      </div>
    </div>
  );
}
