/**
 * Languages to translate into (EDIT-12, EDIT-13): the most used ones by ISO code, named
 * with Intl.DisplayNames in the reader's language, plus any other language typed by name.
 * Client-safe: the composer's language picker searches this list in the browser.
 */

/** About a hundred of the world's most used languages, and those a Canadian business meets. */
export const LANGUAGE_CODES = [
  "fr", "en", "es", "pt", "it", "de", "nl", "ar", "zh", "zh-Hant", "yue", "vi", "fil", "pa", "ru", "uk", "pl", "ro", "ht",
  "hi", "ur", "bn", "fa", "ta", "te", "ko", "ja", "tr", "el", "he", "sw", "am", "so", "yo", "ig", "ha", "cr", "iu",
  "km", "lo", "th", "my", "ne", "si", "gu", "mr", "ml", "kn", "ti", "ku", "ps", "hy", "ka", "az", "kk", "uz", "sq",
  "sr", "hr", "bs", "sl", "sk", "cs", "hu", "bg", "mk", "lt", "lv", "et", "fi", "sv", "da", "no", "is", "ga", "cy",
  "eu", "ca", "gl", "mt", "lb", "id", "ms", "jv", "su", "mg", "zu", "xh", "af", "rw", "mn", "bo", "ug", "sd", "om",
  "ln", "wo", "ff", "ak", "ny", "sn", "st", "tn", "haw", "sm", "to", "mi", "qu", "gn", "eo", "la", "yi", "be", "tg",
  "tk", "ky",
] as const;

export type LanguageOption = { code: string; name: string; native: string };

const displayNames = new Map<string, Intl.DisplayNames>();
function namesIn(locale: string) {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" })));
  return names;
}

/** "ES" → "es", "zh-hant" → "zh-Hant"; undefined when it is not a language code Intl knows. */
export function canonicalLanguageCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^[a-z]{2,3}(-[a-z]{2,4})?$/i.test(trimmed)) return undefined;
  try {
    const [code] = Intl.getCanonicalLocales(trimmed);
    return code && namesIn("en").of(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

const capitalize = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** A language's name in the reader's language, as a list shows it ("Espagnol"). */
export function languageName(code: string, locale: string): string {
  const name = namesIn(locale).of(code);
  return name ? capitalize(name, locale) : code;
}

/**
 * How a stored language reads in a sentence: a code becomes its name in the reader's
 * language ("espagnol"), a name typed by hand stays as typed. Older rows hold names.
 */
export function languageLabel(value: string | null | undefined, locale: string): string {
  if (!value) return "";
  const code = canonicalLanguageCode(value);
  if (!code) return value;
  const name = namesIn(locale).of(code) ?? value;
  // French writes language names in lower case inside a sentence.
  return locale.startsWith("fr") ? name : capitalize(name, locale);
}

/** French "from": "de l’espagnol", "du vietnamien"; "from Spanish" needs no article. */
export function frenchElision(name: string): "vowel" | "other" {
  return /^[aeiouyhàâäéèêëîïôöûüœ]/i.test(name) ? "vowel" : "other";
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const optionCache = new Map<string, LanguageOption[]>();
/** The kept list named in the reader's language, alphabetical, each with its own name. */
export function languageOptions(locale: string): LanguageOption[] {
  let options = optionCache.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, locale), native: namesIn(code).of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    optionCache.set(locale, options);
  }
  return options;
}

/**
 * Searches the list by its name in French, in English and in itself, or by code, ignoring
 * case and accents: "espa", "espagnol", "spanish" and "español" all find Spanish.
 * Names that start with the query come first.
 */
export function searchLanguages(query: string, locale: string): LanguageOption[] {
  const options = languageOptions(locale);
  const wanted = fold(query);
  if (!wanted) return options;
  const ranked: { option: LanguageOption; rank: number }[] = [];
  for (const option of options) {
    const names = [option.name, option.native, namesIn("fr").of(option.code) ?? "", namesIn("en").of(option.code) ?? ""].map(fold);
    const words = names.flatMap((name) => name.split(" "));
    const rank =
      option.code.toLowerCase() === wanted ? 0
      : fold(option.name).startsWith(wanted) ? 1
      : names.some((name) => name.startsWith(wanted)) ? 2
      : words.some((word) => word.startsWith(wanted)) ? 3
      : names.some((name) => name.includes(wanted)) ? 4
      : -1;
    if (rank >= 0) ranked.push({ option, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.option);
}

/** A language typed by hand: letters, spaces, apostrophes, hyphens and brackets ("Créole haïtien", "Mi'kmaq"). */
const LANGUAGE_NAME = /^\p{L}[\p{L}\p{M}\s'’()-]{1,39}$/u;

/**
 * What the user asked for, as it is stored and sent to the model: the list's code when the
 * input is a code or the name of a language of the list (in French, English or itself),
 * else the name as typed; undefined when it cannot be a language ("<script>", "123").
 */
export function resolveLanguage(input: string): string | undefined {
  const value = input.trim().replace(/\s+/g, " ");
  const code = canonicalLanguageCode(value);
  if (code) return code;
  if (!LANGUAGE_NAME.test(value)) return undefined;
  const wanted = fold(value);
  const known = LANGUAGE_CODES.find((candidate) => [namesIn("fr").of(candidate), namesIn("en").of(candidate), namesIn(candidate).of(candidate)].some((name) => name && fold(name) === wanted));
  return known ?? value;
}

/** The language's English name for the model's prompt, with its code when it has one. */
export function languageForPrompt(language: string): string {
  const code = canonicalLanguageCode(language);
  return code ? `${namesIn("en").of(code)} (${code})` : language;
}
