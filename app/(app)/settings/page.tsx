import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listCompanyUsers, listTeams } from "@/db/queries/users";
import { requireSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { utcToZonedLocal } from "@/lib/time";
import { findPendingEmailChange } from "@/db/queries/profiles";
import { nameParts } from "@/lib/users/names";
import { AwayModeForm } from "./away-mode-form";
import { EmailChangeForm } from "./email-change-form";
import { PhotoField } from "./photo-field";
import { ProfileForm } from "./profile-form";
import { SignatureForm } from "./signature-form";
import { EngineBadge } from "./engine-badge";
import { LanguageForm } from "./language-form";
import { PasswordForm } from "./password-form";
import { NotificationMatrix } from "@/components/settings/notification-matrix";
import { can } from "@/lib/auth/permissions";
import { EMAIL_DIGEST_MINUTES } from "@/lib/notifications/email-digest";
import { notificationMatrix } from "@/lib/notifications/preferences";
import { PushDevices } from "./push-devices";
import { listPushSubscriptions } from "@/db/queries/push";
import { vapidKeys } from "@/lib/push/vapid";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("settings") };
}

export default async function SettingsPage() {
  const { db, companyId, userId, user, company } = await requireSession();
  const t = await getTranslations("settings");
  const tn = await getTranslations("notificationSettings");
  const [users, teams, pendingEmail, devices, vapid] = await Promise.all([
    listCompanyUsers(db, { companyId }),
    listTeams(db, { companyId }),
    findPendingEmailChange(db, { userId, now: new Date() }),
    listPushSubscriptions(db, { companyId, userId }),
    vapidKeys(db),
  ]);
  const tp = await getTranslations("push");
  const delegate = user.awayDelegateUserId ? `user:${user.awayDelegateUserId}` : user.awayDelegateTeamId ? `team:${user.awayDelegateTeamId}` : "";
  return (
    <div className="pb-10">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-6 px-4 sm:px-6 lg:max-w-3xl lg:px-8">
        <Card>
          <CardHeader title={t("profileTitle")} description={t("profileDescription")} />
          <CardBody className="space-y-6">
            <PhotoField name={user.name} photoUrl={user.photoUrl} />
            <ProfileForm values={{ firstName: user.firstName ?? nameParts(user.name).firstName, lastName: user.lastName ?? nameParts(user.name).lastName ?? "", jobTitle: user.jobTitle ?? "", externalId: user.externalId ?? "" }} />
            <div className="grid gap-6 border-t border-slate-100 pt-6">
              <EmailChangeForm email={user.email} pendingEmail={pendingEmail?.newEmail ?? null} />
              <LanguageForm language={user.language} />
            </div>
          </CardBody>
        </Card>
        <Card id="signature">
          <CardHeader title={t("signatureTitle")} description={t("signatureDescription")} />
          <CardBody>
            <SignatureForm name={user.name} signature={user.signature ?? ""} enabled={user.signatureEnabled} />
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
        <Card id="notifications">
          <CardHeader title={tn("title")} description={tn("description")} />
          <CardBody>
            <NotificationMatrix
              categories={notificationMatrix({ role: user.role, preferences: user.notificationPreferences }, (permission) => can({ role: user.role, permissions: user.permissions }, permission))}
              emailMinutes={EMAIL_DIGEST_MINUTES}
            />
          </CardBody>
        </Card>
        <Card id="devices">
          <CardHeader title={tp("title")} description={tp("description")} />
          <CardBody>
            <PushDevices
              vapidPublicKey={vapid.publicKey}
              devices={devices.map((device) => ({ id: device.id, endpoint: device.endpoint, label: device.deviceLabel, createdAt: device.createdAt.toISOString(), lastSuccessAt: device.lastSuccessAt?.toISOString() ?? null }))}
            />
          </CardBody>
        </Card>
        <EngineBadge engine={env().backgroundEngine} />
      </div>
    </div>
  );
}
