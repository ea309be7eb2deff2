import type { ReactNode } from "react";
import { Card } from "./card";

/** One figure of a totals row (results pages): icon and label, the value, a hint under it. */
export function StatTile({ icon, label, value, hint, testId, tone }: { icon: ReactNode; label: string; value: string; hint?: string; testId: string; tone?: "warn" }) {
  return (
    <li>
      <Card className="h-full px-4 py-3" data-testid={testId}>
        <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
          <span className={tone === "warn" ? "text-amber-600" : "text-brand-600"}>{icon}</span>
          {label}
        </p>
        <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</p>
        {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      </Card>
    </li>
  );
}
