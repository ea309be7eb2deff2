import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** Customers' sub-navigation: the directory and its saved audiences (groups). */
export async function CustomersTabs({ active }: { active: "customers" | "groups" }) {
  const t = await getTranslations("groups.tabs");
  const tabs = [
    { key: "customers", href: "/customers" },
    { key: "groups", href: "/customers/groups" },
  ] as const;
  return (
    <nav aria-label={t("groups")} className="border-b border-slate-200 px-4 sm:px-6 lg:px-8">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={active === tab.key ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-0.5 pb-2.5 text-sm font-medium transition-colors",
                active === tab.key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700",
              )}
              data-testid={`customers-tab-${tab.key}`}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
