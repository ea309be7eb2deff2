import { Search } from "lucide-react";
import { forwardRef, type InputHTMLAttributes } from "react";
import { cn } from "./cn";

/** A compact search field with its magnifier, as used in pickers and dialogs. */
export const SearchInput = forwardRef<HTMLInputElement, Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & { size?: "sm" | "md" }>(function SearchInput(
  { className, size = "sm", ...props },
  ref,
) {
  return (
    <div className="relative">
      <Search className={cn("pointer-events-none absolute top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400", size === "sm" ? "left-2.5" : "left-3")} aria-hidden />
      <input
        ref={ref}
        type="search"
        className={cn(
          "w-full rounded-lg border-0 bg-slate-100 pr-3 text-sm focus:ring-2 focus:ring-brand-500 focus:outline-none",
          size === "sm" ? "h-9 pl-8" : "h-10 pl-9",
          className,
        )}
        aria-label={props["aria-label"] ?? props.placeholder}
        {...props}
      />
    </div>
  );
});
