import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listPendingInvitations, listStaff } from "@/db/queries/staff";
import { listTeams } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/session";
import { StaffManager } from "./staff-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffPage() {
  const { db, companyId, userId, user } = await requirePermission("manageUsers");
  const [staff, invitations, teams] = await Promise.all([
    listStaff(db, { companyId }),
    listPendingInvitations(db, { companyId }),
    listTeams(db, { companyId }),
  ]);
  return (
    <StaffManager
      meId={userId}
      defaultLanguage={user.language}
      staff={staff.map((m) => ({ ...m, lastSeenAt: m.lastSeenAt?.toISOString() ?? null }))}
      invitations={invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() }))}
      teams={teams.map((team) => ({ id: team.id, name: team.name }))}
    />
  );
}
