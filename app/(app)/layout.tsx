import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { companyCounts } from "@/db/queries/companies";
import {
  countUnreadNotifications,
  listNotifications,
} from "@/db/queries/notifications";
import { requireSession } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { SHELL_NAMESPACES } from "@/lib/i18n/client-namespaces";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({
  children,
}: {
  children: ReactNode;
}) {
  const { db, companyId, userId, user, company } = await requireSession();
  const [counts, notifications, unreadNotifications] = await Promise.all([
    companyCounts(db, { companyId, timeZone: company.timezone }),
    listNotifications(db, { companyId, userId }),
    countUnreadNotifications(db, { companyId, userId }),
  ]);
  return (
    <ClientMessages namespaces={SHELL_NAMESPACES}>
      <AppShell
        user={{
          name: user.name,
          email: user.email,
          role: user.role,
          permissions: user.permissions,
          language: user.language,
          photoUrl: user.photoUrl,
          awayEnabled: user.awayEnabled,
          awayUntil: user.awayUntil?.toISOString() ?? null,
        }}
        companyName={company.name}
        counts={counts}
        notifications={notifications.map((n) => ({
          id: n.id,
          kind: n.kind,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
          data: n.data,
          customerName: n.customerName,
          conversationPreview: n.conversationPreview,
        }))}
        unreadNotifications={unreadNotifications}
      >
        {children}
      </AppShell>
    </ClientMessages>
  );
}
