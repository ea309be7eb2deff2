import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";
import { AllMessagesLayout } from "@/lib/i18n/client-messages";

/** Checked above loading.tsx, so that anyone without the permission gets a real 404 rather than a streamed page. */
export default async function ReportsLayout({ children }: { children: ReactNode }) {
  await requirePermission("seeReports");
  return <AllMessagesLayout>{children}</AllMessagesLayout>;
}
