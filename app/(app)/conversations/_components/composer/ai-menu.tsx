"use client";

import { Languages, Loader2, Sparkles, SpellCheck, Wand2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { improveDraft, spellcheckDraft, translateDraft } from "@/lib/ai/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Textarea } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { toolbarButton } from "@/components/composer/attribute-picker";
import { LanguagePicker } from "../language-picker";
import { TranslatedFrom } from "../message-extras";

/** The author's text before translation, the language the model found it in, and the language it went into. */
export type Translation = { original: string; language: string | null; target: string };

/**
 * EDIT-1, EDIT-2, EDIT-12: spellcheck, improve and translate the draft. A failure leaves
 * the draft untouched; without an API key the menu says what to configure.
 */
export function AiMenu({
  text,
  enabled,
  onRewrite,
  onTranslated,
  conversationId,
  disabled,
}: {
  text: string;
  enabled: boolean;
  onRewrite: (text: string) => void;
  onTranslated: (text: string, translation: Translation) => void;
  conversationId?: string;
  disabled?: boolean;
}) {
  const t = useTranslations("composer.ai");
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [translating, setTranslating] = useState(false);
  const locale = useLocale();
  const [language, setLanguage] = useState(locale === "en" ? "fr" : "en");
  const [source, setSource] = useState("");
  const [result, setResult] = useState("");
  const [detected, setDetected] = useState<{ source: string | null; target: string } | null>(null);

  const rewrite = (action: typeof spellcheckDraft) =>
    startTransition(async () => {
      const response = await action({ text });
      if (!response.ok) return setError(errorText(response.fieldErrors?.text?.[0] ?? response.error));
      setError(undefined);
      onRewrite((response.data as { text: string }).text);
    });

  const translate = () =>
    startTransition(async () => {
      const response = await translateDraft({ text: source, language, fillForConversationId: /\{/.test(source) ? conversationId : undefined });
      if (!response.ok) return setError(errorText(response.fieldErrors?.language?.[0] ?? response.fieldErrors?.text?.[0] ?? response.error));
      setError(undefined);
      setResult(response.data.text);
      setSource(response.data.original);
      setDetected({ source: response.data.sourceLanguage, target: response.data.language });
    });

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className={toolbarButton} aria-label={t("menu")} title={t("menu")} disabled={disabled || pending} data-testid="ai-menu">
          {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : <Sparkles className="h-4 w-4" aria-hidden />}
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          {enabled ? null : <DropdownMenuLabel className="font-normal text-amber-800">{t("notConfigured")}</DropdownMenuLabel>}
          <DropdownMenuItem disabled={!enabled || !text.trim()} onSelect={() => rewrite(spellcheckDraft)}>
            <SpellCheck className="h-4 w-4" aria-hidden />
            {t("spellcheck")}
          </DropdownMenuItem>
          <DropdownMenuItem disabled={!enabled || !text.trim()} onSelect={() => rewrite(improveDraft)}>
            <Wand2 className="h-4 w-4" aria-hidden />
            {t("improve")}
          </DropdownMenuItem>
          <DropdownMenuItem
            disabled={!enabled || !text.trim()}
            onSelect={() => {
              setSource(text);
              setResult("");
              setDetected(null);
              setError(undefined);
              setTranslating(true);
            }}
          >
            <Languages className="h-4 w-4" aria-hidden />
            {t("translate")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {error && !translating ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
      <Dialog
        open={translating}
        onOpenChange={(open) => {
          setTranslating(open);
          if (!open) setError(undefined);
        }}
      >
        <DialogContent title={t("translateTitle")} description={t("translateDescription")} closeLabel={t("close")} className="max-w-2xl">
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium text-slate-700">{t("translateInto")}</span>
            <LanguagePicker value={language} onPick={setLanguage} label={t("language")} className="min-w-44 flex-1 sm:max-w-xs" />
            <Button size="sm" variant="secondary" onClick={translate} disabled={!source.trim()} pending={pending} icon={<Languages className="h-4 w-4" aria-hidden />}>
              {result ? t("retranslate") : t("translate")}
            </Button>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1.5">
              <p className="text-xs font-medium text-slate-500">{t("original")}</p>
              <Textarea value={source} onChange={(event) => setSource(event.target.value)} rows={6} aria-label={t("original")} />
            </div>
            <div className="space-y-1.5">
              <p className="text-xs font-medium text-slate-500">{t("translation")}</p>
              <Textarea value={result} onChange={(event) => setResult(event.target.value)} rows={6} aria-label={t("translation")} placeholder={t("translationPlaceholder")} />
              {result && detected?.source ? <TranslatedFrom language={detected.source} className="text-xs text-slate-500" /> : null}
            </div>
          </div>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-red-600">
              {error}
            </p>
          ) : null}
          <div className="mt-4 flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                setTranslating(false);
                setError(undefined);
              }}
            >
              {t("cancel")}
            </Button>
            <Button
              disabled={!result.trim()}
              onClick={() => {
                onTranslated(result, { original: source, language: detected?.source ?? null, target: detected?.target ?? language });
                setTranslating(false);
              }}
            >
              {t("useTranslation")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
