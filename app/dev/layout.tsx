import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Embedded-mode tools; absent from a production deployment unless ENABLE_DEV_TOOLS=true. */
export default function DevToolsLayout({ children }: { children: ReactNode }) {
  if (!env().devTools) notFound();
  return <div className="min-h-dvh bg-slate-100">{children}</div>;
}
