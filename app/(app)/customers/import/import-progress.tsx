"use client";

import { CalendarDays, Download, FileUp, Users } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";
import type { ImportKind, ImportStatus } from "@/lib/imports/types";
import { StatusBadge } from "./status-badge";

type Progress = { importId: string; status: ImportStatus; total: number; processed: number; created: number; updated: number; errors: number };

const FINISHED: ImportStatus[] = ["completed", "failed"];

/** The progress bar, moved by live events as batches commit, then the summary. */
export function ImportProgress({ initial, failureReason, kind }: { initial: Progress; failureReason: string | null; kind: ImportKind }) {
  const t = useTranslations("imports");
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [live, setLive] = useState<Progress | null>(null);
  // Whichever is further along: the live event or a fresher server render.
  const current = live && live.processed >= initial.processed && !FINISHED.includes(initial.status) ? live : initial;
  const finished = FINISHED.includes(current.status);
  const anotherFile = (variant: "ghost" | "secondary") => (
    <Button asChild variant={variant}>
      <Link href="/customers/import">
        <FileUp className="h-4 w-4" aria-hidden />
        {t("summary.another")}
      </Link>
    </Button>
  );

  useEffect(() => {
    if (FINISHED.includes(initial.status)) return;
    const source = new EventSource("/api/events");
    let quiet: ReturnType<typeof setTimeout> | undefined;
    // A missed event (another server process, a reconnect) only delays the bar: re-read now and then.
    const watchdog = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        router.refresh();
        watchdog();
      }, 5000);
    };
    source.onopen = () => router.refresh();
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as Partial<Progress> & { type: string };
      if (event.type !== "import.progress" || event.importId !== initial.importId) return;
      setLive(event as Progress);
      watchdog();
      if (FINISHED.includes(event.status as ImportStatus)) router.refresh();
    };
    watchdog();
    return () => {
      clearTimeout(quiet);
      source.close();
    };
  }, [initial.importId, initial.status, router]);

  const percent = current.total ? Math.min(100, Math.round((current.processed / current.total) * 100)) : 0;
  return (
    <div className="space-y-6" data-testid="import-progress" data-status={current.status}>
      <Card className="px-5 py-5 sm:px-6">
        <div className="flex items-center justify-between gap-3">
          <p className="text-sm text-slate-600" data-testid="import-rows">
            {current.status === "pending" ? t("progress.queued") : t("progress.rows", { processed: format.number(current.processed), total: format.number(current.total) })}
          </p>
          <StatusBadge status={current.status} />
        </div>
        <div
          className="mt-3 h-3 overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-label={t("progress.label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className={`h-full rounded-full transition-[width] duration-500 ${current.status === "failed" ? "bg-red-500" : current.status === "completed" ? "bg-emerald-500" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
        </div>
        <dl className="mt-5 grid grid-cols-3 gap-3 text-center">
          {(["created", "updated", "errors"] as const).map((key) => (
            <div key={key} className="rounded-lg bg-slate-50 px-2 py-3">
              <dt className="text-xs font-medium text-slate-500">{t(`summary.${key}`)}</dt>
              <dd className={`mt-1 text-xl font-semibold ${key === "errors" && current[key] > 0 ? "text-red-600" : "text-slate-900"}`} data-testid={`import-${key}`}>
                {format.number(current[key])}
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      {current.status === "completed" ? (
        <div className="space-y-3">
          <Alert tone={current.errors > 0 ? "warning" : "success"}>
            <p className="font-medium">{t("summary.completed")}</p>
            <p>{current.errors > 0 ? t("summary.someErrors", { count: current.errors }) : t("summary.noErrors")}</p>
          </Alert>
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {current.errors > 0 ? (
              <Button asChild variant="secondary">
                <a href={`/api/imports/${current.importId}/errors`} download data-testid="download-errors">
                  <Download className="h-4 w-4" aria-hidden />
                  {t("summary.downloadErrors")}
                </a>
              </Button>
            ) : null}
            <Button asChild variant="secondary">
              {kind === "appointments" ? (
                <Link href="/appointments">
                  <CalendarDays className="h-4 w-4" aria-hidden />
                  {t("summary.viewAppointments")}
                </Link>
              ) : (
                <Link href="/customers">
                  <Users className="h-4 w-4" aria-hidden />
                  {t("summary.viewCustomers")}
                </Link>
              )}
            </Button>
            {anotherFile("ghost")}
          </div>
        </div>
      ) : null}

      {current.status === "failed" ? (
        <div className="space-y-3">
          <Alert tone="error">
            <p className="font-medium">{t("summary.failed")}</p>
            {failureReason ? <p>{errorText(failureReason)}</p> : null}
          </Alert>
          {anotherFile("secondary")}
        </div>
      ) : null}
      {finished ? null : <span className="sr-only" aria-live="polite">{percent}%</span>}
    </div>
  );
}
