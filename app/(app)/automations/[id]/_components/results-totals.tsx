import { CalendarCheck, Frown, MessageCircleReply, Send, Star } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { StatTile } from "@/components/ui/stat-tile";
import type { AutomationTotals } from "@/db/queries/automation-results";

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : null);

/** Sent, replied %, confirmed %, negative %, average score: one glance at what it does. */
export async function ResultsTotals({ totals, isReminder, scale, sentimentEnabled }: { totals: AutomationTotals; isReminder: boolean; scale: number | null; sentimentEnabled: boolean }) {
  const t = await getTranslations("automations.results.totals");
  const replied = percent(totals.replied, totals.sent);
  const confirmed = percent(totals.confirmed, totals.sent);
  const negative = percent(totals.negative, totals.replied);
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="results-totals">
      <StatTile icon={<Send className="h-4 w-4" aria-hidden />} label={t("sent")} value={String(totals.sent)} hint={t("sentHint", { skipped: totals.skipped, failed: totals.failed })} testId="total-sent" tone={totals.failed > 0 ? "warn" : undefined} />
      <StatTile icon={<MessageCircleReply className="h-4 w-4" aria-hidden />} label={t("replied")} value={replied === null ? "—" : `${replied} %`} hint={t("count", { count: totals.replied })} testId="total-replied" />
      {isReminder ? (
        <StatTile icon={<CalendarCheck className="h-4 w-4" aria-hidden />} label={t("confirmed")} value={confirmed === null ? "—" : `${confirmed} %`} hint={t("confirmedHint", { confirmed: totals.confirmed, cancelled: totals.cancelled })} testId="total-confirmed" />
      ) : null}
      {sentimentEnabled || totals.negative + totals.positive > 0 ? (
        <StatTile icon={<Frown className="h-4 w-4" aria-hidden />} label={t("negative")} value={negative === null ? "—" : `${negative} %`} hint={t("sentimentHint", { negative: totals.negative, positive: totals.positive })} testId="total-negative" tone={totals.negative > 0 ? "warn" : undefined} />
      ) : null}
      {scale || totals.averageScore !== null ? (
        <StatTile icon={<Star className="h-4 w-4" aria-hidden />} label={t("averageScore")} value={totals.averageScore === null ? "—" : scale ? t("outOf", { score: totals.averageScore, scale }) : String(totals.averageScore)} hint={t("scoreHint")} testId="total-score" />
      ) : null}
    </ul>
  );
}
