"use client";

import { CheckCircle2, FileDown, Loader2, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, useTransition } from "react";
import { conversationExportProgress, requestConversationExport } from "@/lib/conversation-exports/actions";
import type { ExportProgress } from "@/lib/conversation-exports/validation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";

const inFlight = (progress: ExportProgress | null) => progress?.status === "pending" || progress?.status === "running";

/**
 * Where the user's latest export of the conversation stands, moved by live events (and
 * re-read now and then, in case one was missed); `onReady` fires when one finishes.
 */
function useExportProgress(conversationId: string, onReady: () => void) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const reload = useCallback(async () => {
    const result = await conversationExportProgress({ conversationId });
    if (result.ok) setProgress(result.data);
  }, [conversationId]);
  const watching = inFlight(progress);
  const exportId = progress?.id;

  useEffect(() => {
    if (!watching || !exportId) return;
    const source = new EventSource("/api/events");
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as { type: string; exportId?: string; status?: ExportProgress["status"]; pageCount?: number | null };
      if (event.type !== "conversation_export.updated" || event.exportId !== exportId) return;
      setProgress({ id: exportId, status: event.status!, pageCount: event.pageCount ?? null });
      if (event.status === "ready") onReady();
    };
    const poll = setInterval(async () => {
      const result = await conversationExportProgress({ conversationId });
      if (!result.ok || !result.data || result.data.id !== exportId) return;
      setProgress((current) => {
        if (inFlight(current) && result.data!.status === "ready") onReady();
        return result.data;
      });
    }, 5000);
    return () => {
      source.close();
      clearInterval(poll);
    };
  }, [watching, exportId, conversationId, onReady]);

  return { progress, setProgress, reload };
}

/** The header menu's "Export to PDF": a dialog to choose what, then progress until the PDF is emailed; a toast says when. */
export function ExportConversation({ conversationId, open, onOpenChange }: { conversationId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("conversationExport");
  const errorText = useErrorText();
  const [toast, setToast] = useState(false);
  const onReady = useCallback(() => setToast(true), []);
  const { progress, setProgress, reload } = useExportProgress(conversationId, onReady);
  const [scope, setScope] = useState<"all" | "range">("all");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [includeNotes, setIncludeNotes] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (open) void reload();
  }, [open, reload]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(false), 8000);
    return () => clearTimeout(timer);
  }, [toast]);

  const submit = () =>
    startTransition(async () => {
      const result = await requestConversationExport({ conversationId, scope, from: scope === "range" ? from : undefined, to: scope === "range" ? to : undefined, includeNotes });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        return setError(result.fieldErrors ? undefined : errorText(result.error));
      }
      setFieldErrors({});
      setError(undefined);
      setProgress(result.data);
    });
  const busy = inFlight(progress);

  return (
    <>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogContent title={t("title")} description={t("description")} closeLabel={t("close")} data-testid="export-dialog">
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <fieldset className="space-y-2" disabled={busy}>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t("scope")}</legend>
              {(["all", "range"] as const).map((value) => (
                <label key={value} className={`flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ${scope === value ? "bg-brand-50 ring-brand-300" : "ring-slate-200"}`}>
                  <input type="radio" name="export-scope" value={value} checked={scope === value} onChange={() => setScope(value)} className="text-brand-600" />
                  {value === "all" ? t("whole") : t("range")}
                </label>
              ))}
            </fieldset>
            {scope === "range" ? (
              <div className="grid grid-cols-2 gap-3">
                <Field label={t("from")} htmlFor="export-from" error={errorText(fieldErrors.from?.[0])}>
                  <Input id="export-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} disabled={busy} aria-invalid={Boolean(fieldErrors.from)} />
                </Field>
                <Field label={t("to")} htmlFor="export-to" error={errorText(fieldErrors.to?.[0])}>
                  <Input id="export-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} disabled={busy} aria-invalid={Boolean(fieldErrors.to)} />
                </Field>
              </div>
            ) : null}
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={includeNotes} onChange={(event) => setIncludeNotes(event.target.checked)} disabled={busy} className="rounded text-brand-600" />
              {t("includeNotes")}
            </label>
            {progress ? <ProgressLine progress={progress} /> : null}
            {error ? (
              <p role="alert" className="text-sm text-red-600">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
                {busy || progress?.status === "ready" ? t("close") : t("cancel")}
              </Button>
              <Button type="submit" pending={pending} disabled={busy} icon={<FileDown className="h-4 w-4" aria-hidden />} data-testid="export-submit">
                {t("submit")}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
      {toast ? (
        <div role="status" className="fixed right-4 bottom-4 z-50 flex items-center gap-2 rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-lg" data-testid="export-toast">
          <CheckCircle2 className="h-4 w-4 text-emerald-400" aria-hidden />
          {t("toastReady")}
          <button type="button" onClick={() => setToast(false)} className="ml-2 rounded p-0.5 text-slate-300 hover:text-white" aria-label={t("close")}>
            <XCircle className="h-4 w-4" aria-hidden />
          </button>
        </div>
      ) : null}
    </>
  );
}

function ProgressLine({ progress }: { progress: ExportProgress }) {
  const t = useTranslations("conversationExport.status");
  const tone = progress.status === "failed" ? "text-red-700 bg-red-50" : progress.status === "ready" ? "text-emerald-800 bg-emerald-50" : "text-slate-700 bg-slate-50";
  return (
    <p role="status" aria-live="polite" className={`flex items-center gap-2 rounded-lg px-3 py-2 text-sm ${tone}`} data-testid="export-progress" data-status={progress.status}>
      {progress.status === "ready" ? <CheckCircle2 className="h-4 w-4" aria-hidden /> : progress.status === "failed" ? <XCircle className="h-4 w-4" aria-hidden /> : <Loader2 className="h-4 w-4 animate-spin" aria-hidden />}
      {progress.status === "ready" ? t("ready", { pages: progress.pageCount ?? 1 }) : t(progress.status)}
    </p>
  );
}
