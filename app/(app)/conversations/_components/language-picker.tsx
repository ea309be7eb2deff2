"use client";

import { Check, Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { canonicalLanguageCode, languageName, languageOptions, resolveLanguage, searchLanguages } from "@/lib/ai/languages";

type Choice = { value: string; name: string; native?: string; other?: boolean };

/** The languages a list offers first while nothing is typed: the reader's, then Canada's others. */
const suggestedFor = (locale: string) => [...new Set([locale, "fr", "en", "es"])];

/**
 * A searchable list of about a hundred languages (names in the reader's language, found
 * by their French, English or own name, accents ignored) plus "other language" for any
 * name typed. Keyboard: arrows move, Enter picks, Escape closes. `inline` keeps the list
 * open (inside a popover); otherwise it drops down under the field.
 */
export function LanguagePicker({
  value,
  onPick,
  label,
  inline = false,
  autoFocus = false,
  className,
}: {
  value?: string;
  onPick: (value: string) => void;
  label: string;
  inline?: boolean;
  autoFocus?: boolean;
  className?: string;
}) {
  const t = useTranslations("composer.ai");
  const locale = useLocale();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const nameOf = (language: string | undefined) => (language ? (canonicalLanguageCode(language) ? languageName(canonicalLanguageCode(language)!, locale) : language) : "");
  const [query, setQuery] = useState(() => (inline ? "" : nameOf(value)));
  const [open, setOpen] = useState(inline);
  const [active, setActive] = useState(0);
  const typed = !inline && query === nameOf(value) ? "" : query;

  const choices = useMemo<Choice[]>(() => {
    let found = searchLanguages(typed, locale);
    if (!typed.trim()) {
      const suggested = suggestedFor(locale);
      const byCode = new Map(languageOptions(locale).map((option) => [option.code, option]));
      found = [...suggested.map((code) => byCode.get(code)!).filter(Boolean), ...found.filter((option) => !suggested.includes(option.code))];
    }
    const list: Choice[] = found.map((option) => ({ value: option.code, name: option.name, native: option.native }));
    const resolved = typed.trim() ? resolveLanguage(typed) : undefined;
    // A language outside the list, typed by name in full, can still be asked for.
    if (resolved && !canonicalLanguageCode(resolved) && list.length === 0) {
      list.push({ value: resolved, name: resolved, other: true });
    }
    return list;
  }, [typed, locale]);

  const pick = (choice: Choice) => {
    onPick(choice.value);
    setQuery(inline ? "" : choice.name);
    setActive(0);
    if (!inline) setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(choices.length - 1, index + step)));
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      const choice = choices[active];
      if (open && choice) pick(choice);
      return;
    }
    if (event.key === "Escape" && !inline && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setQuery(nameOf(value));
    }
  };

  const activeId = open && choices[active] ? `${listId}-${active}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: "nearest" });
  }, [activeId]);
  const selected = value ? (canonicalLanguageCode(value) ?? value) : undefined;

  return (
    <div className={cn("relative", className)}>
      <div className="relative">
        <Languages className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          placeholder={t("searchLanguage")}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(event) => {
            setOpen(true);
            event.target.select();
          }}
          onBlur={() => {
            if (inline) return;
            setOpen(false);
            // Leaving the field keeps what was typed: the server names it or refuses it.
            if (query.trim() && query !== nameOf(value)) onPick(query.trim());
            if (!query.trim()) setQuery(nameOf(value));
          }}
          onKeyDown={onKeyDown}
          className="h-9 w-full rounded-lg border-0 bg-white pr-3 pl-8 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 focus:outline-none"
          data-testid="language-picker"
        />
      </div>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className={cn(
            "max-h-60 overflow-y-auto rounded-lg bg-white py-1 text-sm",
            inline ? "mt-2" : "absolute right-0 left-0 z-50 mt-1 shadow-lg ring-1 ring-slate-200",
          )}
        >
          {choices.length === 0 ? <li className="px-3 py-2 text-slate-500">{t("noLanguage")}</li> : null}
          {choices.map((choice, index) => (
            <li
              key={`${choice.other ? "other:" : ""}${choice.value}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Picking with the mouse must not blur the field first.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(choice)}
              className={cn("flex cursor-pointer items-center gap-2 px-3 py-1.5", index === active ? "bg-brand-50 text-brand-900" : "text-slate-700")}
              data-language={choice.value}
            >
              <span className="min-w-0 flex-1 truncate">
                {choice.other ? t("otherLanguage", { name: choice.name }) : choice.name}
                {choice.native && choice.native.toLowerCase() !== choice.name.toLowerCase() ? <span className="ml-1.5 text-xs text-slate-400">{choice.native}</span> : null}
              </span>
              {selected === choice.value ? <Check className="h-4 w-4 shrink-0 text-brand-600" aria-hidden /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
