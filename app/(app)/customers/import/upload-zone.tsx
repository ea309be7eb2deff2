"use client";

import { FileUp, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useErrorText } from "@/components/ui/use-error-text";

const ACCEPT = ".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Drop a CSV or Excel file, or pick one; it is checked here first, then read by the server. */
export function UploadZone({ maxMb }: { maxMb: number }) {
  const t = useTranslations("imports");
  const errorText = useErrorText();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function send(file: File | undefined) {
    if (!file) return;
    if (!/\.(csv|txt|tsv|xlsx)$/i.test(file.name)) return setError(errorText("imports.fileType"));
    if (file.size > maxMb * 1024 * 1024) return setError(errorText("imports.fileTooLarge", { max: maxMb }));
    if (file.size === 0) return setError(errorText("imports.fileEmpty"));
    setError(undefined);
    setReading(file.name);
    const body = new FormData();
    body.append("file", file);
    try {
      const response = await fetch("/api/imports", { method: "POST", body });
      const result = (await response.json()) as { id?: string; error?: string; values?: Record<string, string | number> };
      if (!response.ok || !result.id) {
        setReading(null);
        return setError(errorText(result.error ?? "errors.unexpected", result.values));
      }
      router.push(`/customers/import/${result.id}`);
    } catch {
      setReading(null);
      setError(errorText("errors.unexpected"));
    }
  }

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="import-dropzone"
        className={cn(
          "flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-4 py-10 text-center transition-colors",
          dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50",
        )}
      >
        {reading ? (
          <>
            <Loader2 className="h-8 w-8 animate-spin text-brand-600" aria-hidden />
            <p className="text-sm font-medium break-all text-slate-700" role="status">
              {t("upload.reading", { name: reading })}
            </p>
          </>
        ) : (
          <>
            <FileUp className="h-8 w-8 text-slate-400" aria-hidden />
            <p className="text-sm font-medium text-slate-700">{t("upload.drop")}</p>
            <p className="text-xs text-slate-500">{t("upload.or")}</p>
            <Button onClick={() => input.current?.click()} data-testid="import-choose">
              {t("upload.choose")}
            </Button>
          </>
        )}
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className="sr-only"
          data-testid="import-file"
          aria-label={t("upload.choose")}
          onChange={(event) => {
            void send(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
      </div>
    </div>
  );
}
