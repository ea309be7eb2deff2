"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { href: "/company/users", key: "users", adminOnly: true },
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
  const tabs = TABS.filter((tab) => admin || !tab.adminOnly).map((tab) => ({ href: tab.href, label: t(tab.key), active: pathname === tab.href }));
  return <TabNav label={t("label")} tabs={tabs} className="mb-6" />;
}
