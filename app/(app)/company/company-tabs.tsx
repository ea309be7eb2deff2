"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/company/teams", key: "teams", adminOnly: true },
  { href: "/company/conversations", key: "conversations", adminOnly: true },
  { href: "/company/saved-replies", key: "savedReplies", adminOnly: false },
  { href: "/company/custom-attributes", key: "customAttributes", adminOnly: true },
  { href: "/company/reviews", key: "reviews", adminOnly: true },
  { href: "/company/api", key: "api", adminOnly: true },
  { href: "/company/webhooks", key: "webhooks", adminOnly: true },
] as const;

export function CompanyTabs({ admin }: { admin: boolean }) {
  const t = useTranslations("company.tabs");
  const pathname = usePathname();
  return (
    <nav className="mb-6 border-b border-slate-200 px-4 sm:px-6 lg:px-8" aria-label={t("label")}>
      <ul className="-mb-px flex gap-6 overflow-x-auto">
        {TABS.filter((tab) => admin || !tab.adminOnly).map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={pathname === tab.href ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-1 pb-3 text-sm font-medium whitespace-nowrap",
                pathname === tab.href ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
              )}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
