"use client";

import { BarChart3, Bot, Building2, CalendarDays, Megaphone, Menu, MessagesSquare, Settings, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Drawer } from "@/components/ui/dialog";
import { can, type Member, type Permission } from "@/lib/auth/permissions";
import { cappedCountLabel } from "@/lib/capped-count";
import { AwayBanner } from "./away-banner";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Logo } from "./logo";
import { NotificationBell, type ShellNotification } from "./notification-bell";
import { SearchBar } from "./search-bar";
import { ServiceWorkerRegistration } from "./service-worker";
import { UserMenu, type ShellUser } from "./user-menu";

export type ShellCounts = { openConversations: number; appointmentsToday: number; activeAutomations: number };

const NAV = [
  { href: "/conversations", key: "conversations", Icon: MessagesSquare, count: "openConversations" },
  { href: "/customers", key: "customers", Icon: Users, count: null },
  { href: "/appointments", key: "appointments", Icon: CalendarDays, count: "appointmentsToday" },
  { href: "/automations", key: "automations", Icon: Bot, count: "activeAutomations" },
  { href: "/campaigns", key: "campaigns", Icon: Megaphone, count: null },
  { href: "/reports", key: "reports", Icon: BarChart3, count: null, permission: "seeReports" },
  { href: "/settings", key: "settings", Icon: Settings, count: null },
  { href: "/company", key: "company", Icon: Building2, count: null, permission: "manageCompany" },
] as const satisfies readonly { href: string; key: string; Icon: unknown; count: string | null; permission?: Permission }[];

function Navigation({ counts, member, onNavigate }: { counts: ShellCounts; member: Member; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="flex flex-1 flex-col gap-1 px-3">
      {NAV.filter((item) => !("permission" in item) || can(member, item.permission)).map(({ href, key, Icon, count }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
              active ? "bg-white/10 text-white" : "text-slate-300 hover:bg-white/5 hover:text-white",
            )}
          >
            <Icon className="h-5 w-5 shrink-0" aria-hidden />
            <span className="flex-1">{t(key)}</span>
            {count && counts[count] > 0 ? (
              <span
                data-testid={`nav-count-${key}`}
                className={cn(
                  "rounded-full px-2 py-0.5 text-xs tabular-nums",
                  active ? "bg-brand-500 text-white" : "bg-white/10 text-slate-200",
                )}
              >
                {cappedCountLabel(counts[count])}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}

export function AppShell({
  user,
  companyName,
  counts,
  notifications,
  unreadNotifications,
  children,
}: {
  user: ShellUser;
  companyName: string;
  counts: ShellCounts;
  notifications: ShellNotification[];
  unreadNotifications: number;
  children: ReactNode;
}) {
  const t = useTranslations("nav");
  const [drawerOpen, setDrawerOpen] = useState(false);
  const sidebar = (onNavigate?: () => void) => (
    <>
      <div className="px-5 pt-5 pb-6">
        <Logo inverted />
        <p className="mt-2 truncate text-xs text-slate-400">{companyName}</p>
      </div>
      <Navigation counts={counts} member={user} onNavigate={onNavigate} />
    </>
  );
  return (
    <div className="flex min-h-dvh">
      <LiveRefresh />
      <ServiceWorkerRegistration />
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col bg-slate-900 lg:flex">{sidebar()}</aside>
      <Drawer open={drawerOpen} onOpenChange={setDrawerOpen} title={t("label")}>
        {sidebar(() => setDrawerOpen(false))}
      </Drawer>
      <div className="flex min-w-0 flex-1 flex-col lg:pl-60">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6">
          <button
            type="button"
            onClick={() => setDrawerOpen(true)}
            className="-ml-1 rounded-lg p-2 text-slate-600 hover:bg-slate-100 lg:hidden"
            aria-label={t("openMenu")}
          >
            <Menu className="h-5 w-5" aria-hidden />
          </button>
          <SearchBar />
          <div className="ml-auto flex items-center gap-1">
            <NotificationBell notifications={notifications} unread={unreadNotifications} />
            <UserMenu user={user} />
          </div>
        </header>
        {user.awayEnabled ? <AwayBanner until={user.awayUntil} /> : null}
        <main className="flex-1">{children}</main>
      </div>
    </div>
  );
}
