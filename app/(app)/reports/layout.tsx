import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

/** Checked above loading.tsx, so that anyone without the permission gets a real 404 rather than a streamed page. */
export default async function ReportsLayout({ children }: { children: ReactNode }) {
  await requirePermission("seeReports");
  return children;
}
