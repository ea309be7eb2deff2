import { AlertCircle, CheckCircle2, Info } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  error: { box: "bg-red-50 text-red-800 ring-red-200", Icon: AlertCircle },
  success: { box: "bg-emerald-50 text-emerald-800 ring-emerald-200", Icon: CheckCircle2 },
  info: { box: "bg-brand-50 text-brand-900 ring-brand-200", Icon: Info },
  warning: { box: "bg-amber-50 text-amber-900 ring-amber-200", Icon: AlertCircle },
} as const;

export function Alert({ tone = "info", children, className }: { tone?: keyof typeof TONES; children: ReactNode; className?: string }) {
  const { box, Icon } = TONES[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("flex gap-2.5 rounded-lg px-3.5 py-3 text-sm ring-1 ring-inset", box, className)}>
      <Icon className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
