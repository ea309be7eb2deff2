"use client";

import { ChevronDown, Eye, EyeOff, Languages, Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { translateMessage } from "@/lib/ai/actions";
import { frenchElision, languageLabel } from "@/lib/ai/languages";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useErrorText } from "@/components/ui/use-error-text";
import { LanguagePicker } from "./language-picker";

/** "Translated from Spanish" / "Traduit de l’espagnol", for a stored language code or name. */
export function TranslatedFrom({ language, className }: { language: string; className?: string }) {
  const t = useTranslations("thread");
  const locale = useLocale();
  const name = languageLabel(language, locale);
  return (
    <p className={className} data-testid="translated-from">
      {t("translatedFrom", { language: name, elision: frenchElision(name) })}
    </p>
  );
}

/** The text as written before translation, behind an eye toggle (EDIT-12). */
export function OriginalToggle({ original, language }: { original: string; language: string | null }) {
  const t = useTranslations("thread");
  const locale = useLocale();
  const [shown, setShown] = useState(false);
  return (
    <div className="mt-1 max-w-[85%] text-right sm:max-w-[70%]">
      <button type="button" onClick={() => setShown(!shown)} className="inline-flex items-center gap-1 text-[11px] text-slate-500 hover:text-slate-800" aria-expanded={shown}>
        {shown ? <EyeOff className="h-3 w-3" aria-hidden /> : <Eye className="h-3 w-3" aria-hidden />}
        {shown ? t("hideOriginal") : language ? t("showOriginal", { language: languageLabel(language, locale) }) : t("showOriginalPlain")}
      </button>
      {shown ? <p className="mt-1 rounded-xl bg-slate-100 px-3 py-2 text-left text-sm whitespace-pre-wrap text-slate-700">{original}</p> : null}
    </div>
  );
}

/** EDIT-13: translate a customer's message on demand; the translation folds under it. */
export function TranslateIncoming({ messageId, translated, language, sourceLanguage }: { messageId: string; translated: string | null; language: string | null; sourceLanguage: string | null }) {
  const t = useTranslations("thread");
  const tAi = useTranslations("composer.ai");
  const locale = useLocale();
  const [picking, setPicking] = useState(false);
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(Boolean(translated));
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const translate = (target: string) => {
    // Closed at once: a state set inside the transition would wait for the answer.
    setPicking(false);
    startTransition(async () => {
      const result = await translateMessage({ messageId, language: target });
      if (!result.ok) return setError(errorText(result.error));
      setError(undefined);
      setOpen(true);
      router.refresh();
    });
  };
  return (
    <div className="mt-1 max-w-[85%] sm:max-w-[70%]">
      <div className="flex items-center gap-2">
        <Popover open={picking} onOpenChange={setPicking}>
          <PopoverTrigger className="inline-flex items-center gap-1 rounded text-[11px] text-slate-500 hover:text-slate-800 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none" disabled={pending} data-testid="translate-message">
            {pending ? <Loader2 className="h-3 w-3 animate-spin" aria-hidden /> : <Languages className="h-3 w-3" aria-hidden />}
            {t("translate")}
          </PopoverTrigger>
          <PopoverContent className="w-72 p-2" onOpenAutoFocus={(event) => event.preventDefault()}>
            <p className="px-1 pb-2 text-xs font-medium text-slate-500">{t("translateInto")}</p>
            <LanguagePicker inline autoFocus value={language ?? undefined} onPick={translate} label={tAi("language")} />
          </PopoverContent>
        </Popover>
        {translated ? (
          <button type="button" onClick={() => setOpen(!open)} className="inline-flex items-center gap-1 text-[11px] text-slate-500 hover:text-slate-800" aria-expanded={open}>
            <ChevronDown className={`h-3 w-3 transition-transform ${open ? "rotate-180" : ""}`} aria-hidden />
            {open ? t("hideTranslation") : t("showTranslation", { language: languageLabel(language, locale) })}
          </button>
        ) : null}
        {error ? <span className="text-[11px] text-red-600">{error}</span> : null}
      </div>
      {translated && open ? (
        <div className="mt-1 rounded-xl bg-sky-50 px-3 py-2 text-sm ring-1 ring-sky-100">
          {sourceLanguage ? <TranslatedFrom language={sourceLanguage} className="mb-0.5 text-[11px] font-medium text-sky-700" /> : null}
          <p className="whitespace-pre-wrap text-sky-950" data-testid="message-translation">
            {translated}
          </p>
        </div>
      ) : null}
    </div>
  );
}
