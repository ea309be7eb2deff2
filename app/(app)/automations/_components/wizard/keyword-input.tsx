"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { normalizeKeyword } from "@/lib/automations/validation";

export const KEYWORD_SUGGESTIONS = ["Oui", "Yes", "OK", "D'accord", "Bien sûr"];

/**
 * Keywords as chips: Enter or a comma adds one, Backspace in an empty field removes the
 * last; the suggested variants add in one click. Matching ignores case, accents and
 * punctuation, so "ok" and "OK!" are the same chip.
 */
export function KeywordInput({ id, value, onChange, invalid, suggestions = KEYWORD_SUGGESTIONS }: { id: string; value: string[]; onChange: (keywords: string[]) => void; invalid?: boolean; suggestions?: string[] }) {
  const t = useTranslations("automations.wizard");
  const [draft, setDraft] = useState("");
  const present = new Set(value.map(normalizeKeyword));
  const add = (raw: string) => {
    const words = raw
      .split(",")
      .map((word) => word.trim())
      .filter((word) => word && !present.has(normalizeKeyword(word)));
    if (words.length) onChange([...value, ...words]);
    setDraft("");
  };
  const missing = suggestions.filter((word) => !present.has(normalizeKeyword(word)));
  return (
    <div className="space-y-2">
      <div
        className={cn(
          "flex min-h-10 flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1.5 shadow-sm ring-1 ring-inset focus-within:ring-2 focus-within:ring-brand-500",
          invalid ? "ring-red-400" : "ring-slate-300",
        )}
      >
        {value.map((keyword) => (
          <span key={keyword} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-sm text-brand-800 ring-1 ring-brand-200 ring-inset" data-testid="keyword-chip">
            {keyword}
            <button
              type="button"
              className="rounded-full p-0.5 text-brand-600 hover:bg-brand-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
              onClick={() => onChange(value.filter((other) => other !== keyword))}
              aria-label={t("removeKeyword", { keyword })}
            >
              <X className="h-3 w-3" aria-hidden />
            </button>
          </span>
        ))}
        <input
          id={id}
          value={draft}
          onChange={(event) => (event.target.value.includes(",") ? add(event.target.value) : setDraft(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add(draft);
            } else if (event.key === "Backspace" && !draft && value.length) onChange(value.slice(0, -1));
          }}
          onBlur={() => draft.trim() && add(draft)}
          placeholder={value.length ? "" : t("keywordPlaceholder")}
          aria-invalid={invalid || undefined}
          className="min-w-[8rem] flex-1 border-0 bg-transparent p-1 text-sm focus:ring-0 focus:outline-none"
        />
      </div>
      {missing.length ? (
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="text-xs text-slate-500">{t("suggestions")}</span>
          {missing.map((word) => (
            <button
              key={word}
              type="button"
              onClick={() => onChange([...value, word])}
              className="inline-flex items-center gap-0.5 rounded-full bg-white px-2 py-0.5 text-xs text-slate-600 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
            >
              <Plus className="h-3 w-3" aria-hidden />
              {word}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
