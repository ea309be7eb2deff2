"use client";

import { useTranslations } from "next-intl";

/** Error and validation messages are i18n keys ("errors.notFound"); unknown ones show as is. */
export function useErrorText() {
  const t = useTranslations();
  return (key: string | undefined, values?: Record<string, string | number>) => {
    if (!key) return undefined;
    return t.has(key) ? t(key, values) : key;
  };
}
