import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";

export default async function CompanyHome() {
  const session = await requireSession();
  redirect(can(session, "manageTeams") ? "/company/teams" : "/company/saved-replies");
}
