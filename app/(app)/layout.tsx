import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { companyCounts } from "@/db/queries/companies";
import { requireSession } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { db, companyId, user, company } = await requireSession();
  const counts = await companyCounts(db, { companyId });
  return (
    <AppShell
      user={{
        name: user.name,
        email: user.email,
        role: user.role,
        language: user.language,
        photoUrl: user.photoUrl,
        awayEnabled: user.awayEnabled,
        awayUntil: user.awayUntil?.toISOString() ?? null,
      }}
      companyName={company.name}
      counts={counts}
      engine={env().backgroundEngine}
    >
      {children}
    </AppShell>
  );
}
