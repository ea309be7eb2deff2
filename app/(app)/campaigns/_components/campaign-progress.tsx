import { useTranslations } from "next-intl";

export type CampaignProgressCounts = { total: number; pending: number; sent: number; delivered: number; failed: number; skipped: number; replied: number; optedOut: number };

/** How far the sending is: texts sent or failed out of those to send (skipped customers are not counted). */
export function CampaignProgressBar({ progress, className }: { progress: CampaignProgressCounts; className?: string }) {
  const t = useTranslations("campaigns.progress");
  const toSend = progress.total - progress.skipped;
  const done = progress.sent + progress.failed;
  const percent = toSend > 0 ? Math.min(100, Math.round((done / toSend) * 100)) : 0;
  const sentWidth = toSend > 0 ? (progress.sent / toSend) * 100 : 0;
  const failedWidth = toSend > 0 ? (progress.failed / toSend) * 100 : 0;
  return (
    <div className={className}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t("label", { done, total: toSend })}
        className="flex h-2 overflow-hidden rounded-full bg-slate-100"
        data-testid="campaign-progress"
        data-done={done}
        data-total={toSend}
      >
        <span className="bg-emerald-500 transition-[width] duration-500" style={{ width: `${sentWidth}%` }} />
        <span className="bg-red-400 transition-[width] duration-500" style={{ width: `${failedWidth}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500 tabular-nums">{t("label", { done, total: toSend })}</p>
    </div>
  );
}
