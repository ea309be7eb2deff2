import { UserRound } from "lucide-react";
import { cn } from "./cn";

const COLORS = ["bg-sky-600", "bg-emerald-600", "bg-violet-600", "bg-amber-600", "bg-rose-600", "bg-teal-600", "bg-indigo-600"];

/** Letters only: a nameless customer shown by number would otherwise get "(5" or "+1". Empty when there are none. */
export function initials(name: string) {
  const parts = name.trim().split(/[\s-]+/).map((part) => part.match(/\p{L}/u)?.[0] ?? "").filter(Boolean);
  return ((parts[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1] ?? "") : "")).toUpperCase();
}

function colorFor(name: string) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length];
}

export function Avatar({ name, src, size = "md", className }: { name: string; src?: string | null; size?: "xs" | "sm" | "md" | "lg" | "xl"; className?: string }) {
  const dimension = { xs: "h-5 w-5 text-[9px]", sm: "h-7 w-7 text-[11px]", md: "h-9 w-9 text-xs", lg: "h-12 w-12 text-sm", xl: "h-16 w-16 text-lg" }[size];
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt="" className={cn("shrink-0 rounded-full object-cover", dimension, className)} />;
  }
  return (
    <span aria-hidden className={cn("inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white", colorFor(name), dimension, className)}>
      {initials(name) || <UserRound data-testid="avatar-person-icon" className="h-1/2 w-1/2" />}
    </span>
  );
}
