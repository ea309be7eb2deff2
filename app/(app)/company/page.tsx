import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";

export default async function CompanyHome() {
  const { role } = await requireSession();
  redirect(can(role, "manageTeams") ? "/company/teams" : "/company/saved-replies");
}
