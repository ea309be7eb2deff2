// use-intl/core: the same translator without React, so background jobs and scripts (tsx) can load it.
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import type { Locale } from "./locales";

const MESSAGES = { en, fr } as const;

/** Translations outside a request (emails, SMS, background jobs). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

export type Translator = ReturnType<typeof translatorFor>;

/** A translator whose keys are built from data (a notification's kind), so checked at run time with `has`. */
export type KeyedTranslate = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

/** The keys under one namespace ("notifications"), for keys made at run time. */
export function keyedTranslatorFor(locale: Locale, namespace: string): KeyedTranslate {
  // Typed messages would make every key a literal; these keys are data, hence the one cast.
  const translate = createTranslator({ locale, messages: MESSAGES[locale] as AbstractIntlMessages, namespace }) as unknown as KeyedTranslate;
  return Object.assign((key: string, values?: Record<string, string | number>) => translate(key, values), { has: (key: string) => translate.has(key) });
}
