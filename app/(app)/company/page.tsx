import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";

export default async function CompanyHome() {
  const { role } = await requireSession();
  redirect(role === "admin" ? "/company/teams" : "/company/saved-replies");
}
