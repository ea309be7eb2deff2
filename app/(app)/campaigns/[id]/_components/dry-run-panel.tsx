"use client";

import { Ban, MessageSquareText, RefreshCw, Send, Smartphone, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatTile } from "@/components/ui/stat-tile";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { confirmCampaign, dryRunCampaign } from "@/lib/campaigns/actions";

type DryRun = Extract<Awaited<ReturnType<typeof dryRunCampaign>>, { ok: true }>["data"];

/**
 * The dry run before anything is sent: who will receive it, who is skipped and why, the
 * segments and billable SMS, five texts exactly as sent. Sending requires typing the
 * count; if the audience changed meanwhile the server refuses and the dry run is redone.
 */
export function DryRunPanel({ campaignId, scheduledFor }: { campaignId: string; scheduledFor: string | null }) {
  const t = useTranslations("campaigns.dryRun");
  const tSkip = useTranslations("campaigns.skip");
  const errorText = useErrorText();
  const router = useRouter();
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [loadError, setLoadError] = useState<{ key: string; values?: Record<string, string | number> }>();
  const [loading, setLoading] = useState(true);
  const [typed, setTyped] = useState("");
  const [confirmError, setConfirmError] = useState<string>();
  const [confirming, startConfirm] = useTransition();

  const load = useCallback(async () => {
    setLoading(true);
    const result = await dryRunCampaign({ id: campaignId }).catch(() => null);
    setLoading(false);
    if (result?.ok) {
      setDryRun(result.data);
      setLoadError(undefined);
    } else setLoadError({ key: result?.error ?? "errors.unexpected", values: result?.ok === false ? result.values : undefined });
  }, [campaignId]);
  useEffect(() => {
    // The first dry run as the page opens; the state it sets is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const matches = dryRun !== null && typed.trim() === String(dryRun.willReceive);
  const confirm = () =>
    startConfirm(async () => {
      if (!dryRun || !matches) return;
      const result = await confirmCampaign({ id: campaignId, confirmedCount: dryRun.willReceive });
      if (!result.ok) {
        setConfirmError(errorText(result.error, result.values));
        if (result.error === "campaigns.errors.countChanged") {
          setTyped("");
          await load();
        }
        return;
      }
      setConfirmError(undefined);
      router.refresh();
    });

  return (
    <Card className="overflow-hidden" data-testid="dry-run">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4 sm:px-6">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
          <p className="mt-0.5 text-sm text-slate-500">{t("description")}</p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => void load()} pending={loading} icon={<RefreshCw className="h-4 w-4" aria-hidden />}>
          {t("refresh")}
        </Button>
      </div>
      <div className="space-y-5 px-5 py-5 sm:px-6" aria-busy={loading} aria-live="polite">
        {loadError ? <Alert tone="error">{errorText(loadError.key, loadError.values)}</Alert> : null}
        {!dryRun && loading ? <DryRunSkeleton /> : null}
        {dryRun ? (
          <>
            <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              <StatTile icon={<Users className="h-4 w-4" aria-hidden />} label={t("willReceive")} value={dryRun.willReceive.toLocaleString()} hint={t("matching", { count: dryRun.matching })} testId="dry-run-will-receive" />
              <StatTile icon={<Ban className="h-4 w-4" aria-hidden />} label={t("skipped")} value={(dryRun.matching - dryRun.willReceive).toLocaleString()} testId="dry-run-skipped" />
              <StatTile icon={<MessageSquareText className="h-4 w-4" aria-hidden />} label={t("segments")} value={dryRun.segmentsPerText.toLocaleString()} hint={t("segmentsHint")} testId="dry-run-segments" />
              <StatTile icon={<Send className="h-4 w-4" aria-hidden />} label={t("billable")} value={dryRun.billableSms.toLocaleString()} hint={t("billableHint")} testId="dry-run-billable" />
            </ul>

            {dryRun.skipped.some((row) => row.count > 0) ? (
              <div>
                <h3 className="text-sm font-medium text-slate-700">{t("skippedTitle")}</h3>
                <ul className="mt-2 divide-y divide-slate-100 rounded-xl ring-1 ring-slate-200" data-testid="dry-run-skip-reasons">
                  {dryRun.skipped
                    .filter((row) => row.count > 0)
                    .map((row) => (
                      <li key={row.reason} className="flex items-center justify-between gap-3 px-4 py-2 text-sm" data-reason={row.reason}>
                        <span className="text-slate-700">{tSkip.has(row.reason) ? tSkip(row.reason) : row.reason}</span>
                        <span className="font-semibold text-slate-900 tabular-nums">{row.count.toLocaleString()}</span>
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}

            <div>
              <h3 className="text-sm font-medium text-slate-700">{t("sampleTitle", { count: dryRun.sample.length })}</h3>
              {dryRun.sample.length === 0 ? (
                <p className="mt-2 rounded-lg bg-slate-50 p-3 text-sm text-slate-500">{t("sampleEmpty")}</p>
              ) : (
                <ul className="mt-2 grid gap-3 md:grid-cols-2 xl:grid-cols-3" data-testid="dry-run-sample">
                  {dryRun.sample.map((row) => (
                    <li key={row.customerId} className="min-w-0 rounded-2xl bg-slate-100 p-3" data-testid="dry-run-sample-text">
                      <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
                        <Smartphone className="h-3.5 w-3.5" aria-hidden />
                        {row.name}
                      </p>
                      <p className="mt-2 rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm break-words whitespace-pre-wrap text-slate-800 shadow-sm">{row.text}</p>
                    </li>
                  ))}
                </ul>
              )}
            </div>

            {dryRun.willReceive > 0 ? (
              <form
                className="space-y-3 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset"
                onSubmit={(event) => {
                  event.preventDefault();
                  confirm();
                }}
              >
                <Field label={t("confirmLabel", { count: dryRun.willReceive })} htmlFor="campaign-confirm-count" hint={scheduledFor ? t("confirmHintScheduled", { when: scheduledFor }) : t("confirmHintNow")}>
                  <Input
                    id="campaign-confirm-count"
                    inputMode="numeric"
                    autoComplete="off"
                    value={typed}
                    onChange={(event) => setTyped(event.target.value)}
                    className="max-w-40 tabular-nums"
                    data-testid="campaign-confirm-count"
                  />
                </Field>
                {confirmError ? <Alert tone="error">{confirmError}</Alert> : null}
                <Button type="submit" disabled={!matches} pending={confirming} icon={<Send className="h-4 w-4" aria-hidden />} data-testid="campaign-confirm">
                  {scheduledFor ? t("confirmSchedule", { count: dryRun.willReceive }) : t("confirmSend", { count: dryRun.willReceive })}
                </Button>
              </form>
            ) : (
              <Alert tone="warning">{t("nobody")}</Alert>
            )}
          </>
        ) : null}
      </div>
    </Card>
  );
}

function DryRunSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-hidden>
      {[0, 1, 2, 3].map((index) => (
        <div key={index} className="h-20 animate-pulse rounded-xl bg-slate-100" />
      ))}
    </div>
  );
}
