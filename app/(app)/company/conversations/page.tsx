import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listCompanyUsers, listTeams } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/session";
import { BusinessHoursForm } from "./business-hours-form";
import { ConversationSettingsForm } from "./settings-form";
import { WeeklyReportForm } from "./weekly-report-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("conversations") };
}

export default async function ConversationSettingsPage() {
  const { db, companyId, company } = await requirePermission("manageCompany");
  const [users, teams] = await Promise.all([listCompanyUsers(db, { companyId }), listTeams(db, { companyId })]);
  return (
    <div className="space-y-6">
      <ConversationSettingsForm
        autoCloseDays={company.autoCloseDays}
        unansweredAfterHours={company.unansweredAfterHours}
        defaultAssignee={company.defaultAssigneeUserId ? `user:${company.defaultAssigneeUserId}` : company.defaultAssigneeTeamId ? `team:${company.defaultAssigneeTeamId}` : ""}
        users={users.map((u) => ({ id: u.id, name: u.name }))}
        teams={teams.map((team) => ({ id: team.id, name: team.name }))}
      />
      <BusinessHoursForm hours={company.businessHours} />
      <WeeklyReportForm enabled={company.weeklyReportEnabled} />
    </div>
  );
}
