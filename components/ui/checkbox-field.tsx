import type { InputHTMLAttributes, ReactNode } from "react";

/** A checkbox with its label on the right, as every settings form shows one. */
export function CheckboxField({ label, ...input }: { label: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <label className="flex items-center gap-3 text-sm font-medium text-slate-700">
      <input type="checkbox" className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" {...input} />
      {label}
    </label>
  );
}
