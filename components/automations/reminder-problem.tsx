import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReminderProblem } from "@/lib/automations/reminder-problems";
import { carrierErrorCategory } from "@/lib/messaging/carrier-errors";

/** "Reminder not delivered (…): <carrier error>" on an appointment, linked to its result. */
export function ReminderProblemLink({ problem, className = "" }: { problem: ReminderProblem; className?: string }) {
  const t = useTranslations("appointments");
  const tThread = useTranslations("thread");
  const tResults = useTranslations("automations.results");
  const text =
    problem.status === "failed"
      ? t("reminderFailed", { automation: problem.automationName, reason: tThread(`carrierErrors.${carrierErrorCategory(problem.error, problem.error)}`) })
      : t("reminderSkipped", { automation: problem.automationName, reason: problem.skipReason && tResults.has(`skip.${problem.skipReason}`) ? tResults(`skip.${problem.skipReason}`) : (problem.skipReason ?? "") });
  return (
    <Link
      href={`/automations/${problem.automationId}?result=${problem.resultId}`}
      className={`flex items-start gap-1.5 text-xs text-red-700 hover:underline ${className}`}
      data-testid="appointment-reminder-problem"
      title={problem.error ?? undefined}
    >
      <AlertTriangle className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
      {text}
    </Link>
  );
}
