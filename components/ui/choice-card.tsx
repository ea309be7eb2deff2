import type { ReactNode } from "react";
import { cn } from "./cn";

/** A radio option as a card: title, hint, and the option's own fields shown once it is chosen. */
export function ChoiceCard({ name, value, checked, onSelect, title, hint, children, testId }: { name: string; value?: string; checked: boolean; onSelect: () => void; title: string; hint?: string; children?: ReactNode; testId?: string }) {
  return (
    <label className={cn("flex cursor-pointer gap-3 rounded-xl p-4 ring-1 ring-inset focus-within:ring-2 focus-within:ring-brand-500", checked ? "bg-brand-50 ring-brand-400" : "bg-white ring-slate-200 hover:bg-slate-50")}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onSelect} className="mt-0.5 h-4 w-4 border-slate-300 text-brand-600 focus:ring-brand-500" data-testid={testId} />
      <span className="min-w-0 flex-1">
        <span className="block text-sm font-semibold text-slate-900">{title}</span>
        {hint ? <span className="block text-sm text-slate-500">{hint}</span> : null}
        {children ? <span className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">{children}</span> : null}
      </span>
    </label>
  );
}
