import { redirect } from "next/navigation";

export default function CompanyHome() {
  redirect("/company/teams");
}
