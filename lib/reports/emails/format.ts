import type { Locale } from "@/db/schema";
import { formatMoney, moneyLocale } from "@/lib/attributes/money";
import type { Translator } from "@/lib/i18n/translator";

/** How a report email writes its figures in the reader's language. */
export function reportFormats(t: Translator, locale: Locale, currency: string) {
  const region = moneyLocale(locale);
  const numbers = new Intl.NumberFormat(region, { maximumFractionDigits: 1 });
  const none = t("reports.noValue");
  const count = (value: number | null) => (value === null ? none : numbers.format(value));
  return {
    count,
    money: (cents: number | null) => (cents === null ? none : formatMoney(cents / 100, currency, locale)),
    rate: (value: number | null) => (value === null ? none : new Intl.NumberFormat(region, { style: "percent", maximumFractionDigits: 1 }).format(value)),
    percent: (value: number) => new Intl.NumberFormat(region, { style: "percent", maximumFractionDigits: 0 }).format(value),
    average: (value: number | null) => (value === null ? none : new Intl.NumberFormat(region, { maximumFractionDigits: 2 }).format(value)),
    duration: (seconds: number | null) => {
      if (seconds === null) return none;
      if (seconds < 90) return t("reports.duration.seconds", { value: count(seconds) });
      if (seconds < 90 * 60) return t("reports.duration.minutes", { value: count(seconds / 60) });
      return t("reports.duration.hours", { value: count(seconds / 3600) });
    },
    /** A calendar day ("2026-11-02") as "2 nov." / "Nov 2"; with the weekday as "lun. 2 nov." / "Mon, Nov 2". */
    day: (day: string, { weekday = false, long = false } = {}) =>
      new Intl.DateTimeFormat(region, { weekday: weekday ? (long ? "long" : "short") : undefined, day: "numeric", month: long ? "long" : "short", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`)),
    time: (instant: Date, timeZone: string) => new Intl.DateTimeFormat(region, { hour: "2-digit", minute: "2-digit", timeZone }).format(instant),
  };
}
