import { CalendarCheck, Frown, MessageCircleReply, Send, Star } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
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
      <Tile icon={<Send className="h-4 w-4" aria-hidden />} label={t("sent")} value={String(totals.sent)} hint={t("sentHint", { skipped: totals.skipped, failed: totals.failed })} testId="total-sent" tone={totals.failed > 0 ? "warn" : undefined} />
      <Tile icon={<MessageCircleReply className="h-4 w-4" aria-hidden />} label={t("replied")} value={replied === null ? "—" : `${replied} %`} hint={t("count", { count: totals.replied })} testId="total-replied" />
      {isReminder ? (
        <Tile icon={<CalendarCheck className="h-4 w-4" aria-hidden />} label={t("confirmed")} value={confirmed === null ? "—" : `${confirmed} %`} hint={t("confirmedHint", { confirmed: totals.confirmed, cancelled: totals.cancelled })} testId="total-confirmed" />
      ) : null}
      {sentimentEnabled || totals.negative + totals.positive > 0 ? (
        <Tile icon={<Frown className="h-4 w-4" aria-hidden />} label={t("negative")} value={negative === null ? "—" : `${negative} %`} hint={t("sentimentHint", { negative: totals.negative, positive: totals.positive })} testId="total-negative" tone={totals.negative > 0 ? "warn" : undefined} />
      ) : null}
      {scale || totals.averageScore !== null ? (
        <Tile icon={<Star className="h-4 w-4" aria-hidden />} label={t("averageScore")} value={totals.averageScore === null ? "—" : scale ? t("outOf", { score: totals.averageScore, scale }) : String(totals.averageScore)} hint={t("scoreHint")} testId="total-score" />
      ) : null}
    </ul>
  );
}

function Tile({ icon, label, value, hint, testId, tone }: { icon: ReactNode; label: string; value: string; hint: string; testId: string; tone?: "warn" }) {
  return (
    <li>
      <Card className="h-full px-4 py-3" data-testid={testId}>
        <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
          <span className={tone === "warn" ? "text-amber-600" : "text-brand-600"}>{icon}</span>
          {label}
        </p>
        <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{value}</p>
        <p className="mt-0.5 text-xs text-slate-500">{hint}</p>
      </Card>
    </li>
  );
}
