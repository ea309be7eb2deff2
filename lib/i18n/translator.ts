import { createTranslator } from "next-intl";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import type { Locale } from "./locales";

const MESSAGES = { en, fr } as const;

/** Translations outside a request (emails, SMS, background jobs). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
