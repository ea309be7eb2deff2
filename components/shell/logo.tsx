import { MessageSquareText } from "lucide-react";
import { cn } from "@/components/ui/cn";

export function Logo({ className, inverted }: { className?: string; inverted?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-lg font-semibold tracking-tight", inverted ? "text-white" : "text-slate-900", className)}>
      <span className="inline-flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-white shadow-sm">
        <MessageSquareText className="h-4.5 w-4.5" aria-hidden />
      </span>
      Parley
    </span>
  );
}
