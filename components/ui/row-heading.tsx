import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

/** A list row's lead: the item's icon in a tile, its name linking to its page, a line under it. */
export function RowHeading({ icon, href, title, children, className }: { icon: ReactNode; href: string; title: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("flex min-w-0 items-start gap-3", className)}>
      <div className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">{icon}</div>
      <div className="min-w-0">
        <Link href={href} className="block truncate text-sm font-semibold text-slate-900 hover:text-brand-700 hover:underline">
          {title}
        </Link>
        <div className="text-sm text-slate-500">{children}</div>
      </div>
    </div>
  );
}
