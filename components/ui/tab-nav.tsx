import Link from "next/link";
import { cn } from "./cn";

export type TabNavItem = { href: string; label: string; active: boolean; testId?: string };

/** A page's sub-navigation: links styled as tabs under the header (Company, Customers). */
export function TabNav({ label, tabs, className }: { label: string; tabs: TabNavItem[]; className?: string }) {
  return (
    <nav className={cn("border-b border-slate-200 px-4 sm:px-6 lg:px-8", className)} aria-label={label}>
      <ul className="-mb-px flex gap-6 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-1 pb-3 text-sm font-medium whitespace-nowrap",
                tab.active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
              )}
              data-testid={tab.testId}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
