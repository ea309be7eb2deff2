export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "parley-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks fr or en from an Accept-Language header; French by default (Québec first). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const preferences = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { language: tag.slice(0, 2).toLowerCase(), weight: q ? Number(q) : 1 };
    })
    .filter((p) => isLocale(p.language))
    .sort((a, b) => b.weight - a.weight);
  return (preferences[0]?.language as Locale | undefined) ?? "fr";
}
