// use-intl/core: the same translator without React, so background jobs and scripts (tsx) can load it.
import { createTranslator } from "use-intl/core";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import type { Locale } from "./locales";

const MESSAGES = { en, fr } as const;

/** Translations outside a request (emails, SMS, background jobs). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

export type Translator = ReturnType<typeof translatorFor>;
