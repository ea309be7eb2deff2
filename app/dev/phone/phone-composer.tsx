"use client";

import { ArrowUp, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type FormEvent } from "react";
import { useErrorText } from "@/components/ui/use-error-text";
import { textAsCustomerAction } from "@/lib/messaging/simulator-actions";

/** The simulator does not listen to live events; it simply looks again every two seconds. */
export function PollingRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, 2000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}

export function PhoneComposer({ from, allowNumber }: { from: string; allowNumber: boolean }) {
  const t = useTranslations("simulator");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await textAsCustomerAction({ from: String((allowNumber ? data.get("from") : from) ?? ""), text: String(data.get("text") ?? "") });
      if (!result.ok) return setError(errorText("fieldErrors" in result && result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : result.error));
      setError(undefined);
      (form.elements.namedItem("text") as HTMLInputElement).value = "";
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-2">
      {allowNumber ? (
        <input name="from" placeholder={t("newNumber")} aria-label={t("newNumber")} className="h-9 w-full rounded-full border-0 bg-white px-4 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none" />
      ) : null}
      <div className="flex items-center gap-2">
        <input name="text" placeholder={t("textPlaceholder")} aria-label={t("textPlaceholder")} autoComplete="off" className="h-10 min-w-0 flex-1 rounded-full border-0 bg-white px-4 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none" data-testid="phone-input" />
        <button type="submit" disabled={pending} className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-emerald-500 text-white hover:bg-emerald-600 disabled:opacity-50" aria-label={t("send")} data-testid="phone-send">
          {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : <ArrowUp className="h-5 w-5" aria-hidden />}
        </button>
      </div>
      {error ? (
        <p role="alert" className="px-2 text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </form>
  );
}
