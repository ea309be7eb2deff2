"use client";

import { ChevronDown, Eye, EyeOff, Languages, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { translateMessage } from "@/lib/ai/actions";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useErrorText } from "@/components/ui/use-error-text";
import { LANGUAGES } from "./composer/ai-menu";

/** The text as written before translation, behind an eye toggle (EDIT-12). */
export function OriginalToggle({ original, language }: { original: string; language: string | null }) {
  const t = useTranslations("thread");
  const [shown, setShown] = useState(false);
  return (
    <div className="mt-1 max-w-[85%] text-right sm:max-w-[70%]">
      <button type="button" onClick={() => setShown(!shown)} className="inline-flex items-center gap-1 text-[11px] text-slate-500 hover:text-slate-800" aria-expanded={shown}>
        {shown ? <EyeOff className="h-3 w-3" aria-hidden /> : <Eye className="h-3 w-3" aria-hidden />}
        {shown ? t("hideOriginal") : t("showOriginal", { language: language ?? "" })}
      </button>
      {shown ? <p className="mt-1 rounded-xl bg-slate-100 px-3 py-2 text-left text-sm whitespace-pre-wrap text-slate-700">{original}</p> : null}
    </div>
  );
}

/** EDIT-13: translate a customer's message on demand; the translation folds under it. */
export function TranslateIncoming({ messageId, translated, language }: { messageId: string; translated: string | null; language: string | null }) {
  const t = useTranslations("thread");
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(Boolean(translated));
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const translate = (target: string) =>
    startTransition(async () => {
      const result = await translateMessage({ messageId, language: target });
      if (!result.ok) return setError(errorText(result.error));
      setError(undefined);
      setOpen(true);
      router.refresh();
    });
  return (
    <div className="mt-1 max-w-[85%] sm:max-w-[70%]">
      <div className="flex items-center gap-2">
        <DropdownMenu>
          <DropdownMenuTrigger className="inline-flex items-center gap-1 text-[11px] text-slate-500 hover:text-slate-800" disabled={pending}>
            {pending ? <Loader2 className="h-3 w-3 animate-spin" aria-hidden /> : <Languages className="h-3 w-3" aria-hidden />}
            {t("translate")}
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="max-h-72 overflow-y-auto">
            {LANGUAGES.map((name) => (
              <DropdownMenuItem key={name} onSelect={() => translate(name)}>
                {name}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        {translated ? (
          <button type="button" onClick={() => setOpen(!open)} className="inline-flex items-center gap-1 text-[11px] text-slate-500 hover:text-slate-800" aria-expanded={open}>
            <ChevronDown className={`h-3 w-3 transition-transform ${open ? "rotate-180" : ""}`} aria-hidden />
            {open ? t("hideTranslation") : t("showTranslation", { language: language ?? "" })}
          </button>
        ) : null}
        {error ? <span className="text-[11px] text-red-600">{error}</span> : null}
      </div>
      {translated && open ? (
        <p className="mt-1 rounded-xl bg-sky-50 px-3 py-2 text-sm whitespace-pre-wrap text-sky-950 ring-1 ring-sky-100" data-testid="message-translation">
          {translated}
        </p>
      ) : null}
    </div>
  );
}
