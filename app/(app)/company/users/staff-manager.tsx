"use client";

import { Mail, RotateCw, X } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/page-header";
import { useAction } from "@/components/ui/use-action";
import { GRANTABLE_PERMISSIONS, type MemberPermissions } from "@/lib/auth/permissions";
import { cancelStaffInvitation, resendStaffInvitation } from "@/lib/staff/actions";
import { InviteDialog } from "./invite-dialog";
import { MemberDialog } from "./member-dialog";

export type Member = {
  id: string;
  name: string;
  email: string;
  photoUrl: string | null;
  role: "admin" | "agent";
  permissions: MemberPermissions;
  active: boolean;
  lastSeenAt: string | null;
};
export type Team = { id: string; name: string };
type Invitation = { id: string; email: string; role: "admin" | "agent"; expiresAt: string; invitedBy: string | null };

export function StaffManager({ meId, defaultLanguage, staff, invitations, teams }: { meId: string; defaultLanguage: "fr" | "en"; staff: Member[]; invitations: Invitation[]; teams: Team[] }) {
  const t = useTranslations("staff");
  const format = useFormatter();
  const now = useNow();
  const [notice, setNotice] = useState<string>();

  const permissionSummary = (member: Member) => {
    if (member.role === "admin") return t("allPermissions");
    const ticked = GRANTABLE_PERMISSIONS.filter((p) => member.permissions[p]);
    return ticked.length ? ticked.map((p) => t(`permissions.${p}`)).join(", ") : t("noExtraPermissions");
  };

  return (
    <div className="space-y-6">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Card>
        <CardHeader title={t("title")} description={t("description")} action={<InviteDialog defaultLanguage={defaultLanguage} onSent={(email) => setNotice(t("invitationSent", { email }))} />} />
        {staff.length === 0 ? <EmptyState icon={<Mail className="h-6 w-6" />} title={t("noStaff")} /> : null}
        <ul className="divide-y divide-slate-100">
          {staff.map((member) => (
            <li key={member.id} data-testid="staff-member" className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:px-6">
              <div className="flex min-w-0 flex-1 items-center gap-3">
                <Avatar name={member.name} src={member.photoUrl} />
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">
                    {member.name}
                    {member.id === meId ? <span className="ml-1 font-normal text-slate-500">({t("you")})</span> : null}
                  </p>
                  <p className="truncate text-xs text-slate-500">{member.email}</p>
                  <p className="mt-0.5 truncate text-xs text-slate-500">{permissionSummary(member)}</p>
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-2 sm:justify-end">
                <Badge tone={member.role === "admin" ? "brand" : "neutral"}>{t(`roles.${member.role}`)}</Badge>
                <Badge tone={member.active ? "green" : "red"}>{member.active ? t("active") : t("deactivated")}</Badge>
                <span className="text-xs text-slate-500">
                  {member.lastSeenAt ? t("lastSeen", { when: format.relativeTime(new Date(member.lastSeenAt), now) }) : t("neverSeen")}
                </span>
                <MemberDialog member={member} isMe={member.id === meId} colleagues={staff} teams={teams} onDone={setNotice} />
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <CardHeader title={t("pendingTitle")} description={t("pendingDescription")} />
        {invitations.length === 0 ? <p className="px-4 pb-5 text-sm text-slate-500 sm:px-6">{t("noPending")}</p> : null}
        <ul className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} expired={new Date(invitation.expiresAt) <= now} onDone={setNotice} />
          ))}
        </ul>
      </Card>
    </div>
  );
}

function InvitationRow({ invitation, expired, onDone }: { invitation: Invitation; expired: boolean; onDone: (notice: string) => void }) {
  const t = useTranslations("staff");
  const format = useFormatter();
  const router = useRouter();
  const { run, pending, error } = useAction();
  const [confirming, setConfirming] = useState(false);
  return (
    <li data-testid="staff-invitation" className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:px-6">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-900">{invitation.email}</p>
        <p className="text-xs text-slate-500">
          {t(`roles.${invitation.role}`)}
          {invitation.invitedBy ? ` · ${t("invitedBy", { name: invitation.invitedBy })}` : null}
        </p>
        {error ? <p role="alert" className="mt-1 text-sm text-red-600">{error}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {expired ? (
          <Badge tone="yellow">{t("expired")}</Badge>
        ) : (
          <span className="text-xs text-slate-500">{t("expiresOn", { date: format.dateTime(new Date(invitation.expiresAt), { dateStyle: "medium" }) })}</span>
        )}
        <Button
          variant="secondary"
          size="sm"
          pending={pending}
          icon={<RotateCw className="h-4 w-4" aria-hidden />}
          onClick={() => run(() => resendStaffInvitation({ invitationId: invitation.id }), () => (onDone(t("resent", { email: invitation.email })), router.refresh()))}
        >
          {t("resend")}
        </Button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          trigger={
            <DialogTrigger asChild>
              <Button variant="ghost" size="sm" aria-label={t("cancelInvitationNamed", { email: invitation.email })}>
                <X className="h-4 w-4" aria-hidden />
              </Button>
            </DialogTrigger>
          }
          title={t("cancelInvitationTitle", { email: invitation.email })}
          description={t("cancelInvitationDescription")}
          confirmLabel={t("cancelInvitation")}
          cancelLabel={t("keep")}
          pending={pending}
          onConfirm={() => run(() => cancelStaffInvitation({ invitationId: invitation.id }), () => (setConfirming(false), router.refresh()))}
        />
      </div>
    </li>
  );
}
