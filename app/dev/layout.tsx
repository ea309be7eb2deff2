import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { AllMessagesLayout } from "@/lib/i18n/client-messages";

export const dynamic = "force-dynamic";

/** Development tools: absent from a production build unless ENABLE_DEV_TOOLS=1; each page also requires a signed-in user. */
export default function DevToolsLayout({ children }: { children: ReactNode }) {
  if (!env().devTools) notFound();
  return (
    <AllMessagesLayout>
      <div className="min-h-dvh bg-slate-100">{children}</div>
    </AllMessagesLayout>
  );
}
