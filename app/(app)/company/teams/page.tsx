import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listCompanyUsers, listTeams } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/session";
import { TeamsManager } from "./teams-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("teams") };
}

export default async function TeamsPage() {
  const { db, companyId } = await requirePermission("manageTeams");
  const [teams, users] = await Promise.all([listTeams(db, { companyId }), listCompanyUsers(db, { companyId })]);
  return (
    <TeamsManager
      teams={teams.map((team) => ({ id: team.id, name: team.name, memberIds: team.memberIds }))}
      users={users.map((user) => ({ id: user.id, name: user.name }))}
    />
  );
}
