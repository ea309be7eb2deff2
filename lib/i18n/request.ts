import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionContext } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

async function resolvePreferences(): Promise<{ locale: Locale; timeZone: string }> {
  const session = await getSessionContext().catch(() => null);
  if (session) return { locale: session.user.language, timeZone: session.company.timezone };
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : negotiateLocale((await headers()).get("accept-language"));
  return { locale, timeZone: "America/Toronto" };
}

export default getRequestConfig(async ({ locale: explicit }) => {
  const preferences = await resolvePreferences();
  const locale = isLocale(explicit) ? explicit : preferences.locale;
  return {
    locale,
    timeZone: preferences.timeZone,
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
