import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { percentChange } from "@/lib/reports/range";

export type Figure = {
  id: string;
  label: string;
  current: number | null;
  previous: number | null;
  /** How the number reads (count, money, duration, rate). */
  show: (value: number | null) => string;
  hint?: string;
  /** Response times, unanswered conversations, no-shows, opt-outs: a rise is bad news. */
  lowerIsBetter?: boolean;
};

/** One indicator with its change from the previous period (arrow and percentage). */
export async function FigureCard({ figure }: { figure: Figure }) {
  const t = await getTranslations("reports.change");
  const { id, label, current, previous, show, hint, lowerIsBetter } = figure;
  const change = percentChange(current, previous);
  const percent = change === null ? "" : `${Math.round(Math.abs(change) * 100)} %`;
  const direction = change === null || Math.round(change * 100) === 0 ? "flat" : change > 0 ? "up" : "down";
  const good = direction === "flat" ? null : (direction === "up") !== Boolean(lowerIsBetter);
  const Icon = direction === "up" ? ArrowUpRight : direction === "down" ? ArrowDownRight : Minus;
  const text =
    direction === "up"
      ? t("up", { percent, previous: show(previous) })
      : direction === "down"
        ? t("down", { percent, previous: show(previous) })
        : current === previous || change !== null
          ? t("same", { previous: show(previous) })
          : t("none", { previous: show(previous) });
  return (
    <li className="min-w-0 px-4 py-3" data-testid={`report-card-${id}`}>
        <p className="text-xs font-medium text-slate-500">{label}</p>
        <p className="mt-1 text-xl font-semibold break-words text-slate-900 tabular-nums sm:text-2xl" data-testid={`report-value-${id}`}>
          {show(current)}
        </p>
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
        <p
          className={cn("mt-1 flex items-center gap-1 text-xs", good === null ? "text-slate-500" : good ? "text-emerald-700" : "text-red-700")}
          data-testid={`report-change-${id}`}
        >
          <Icon className="h-3.5 w-3.5 shrink-0" aria-hidden />
          <span>{text}</span>
        </p>
    </li>
  );
}
