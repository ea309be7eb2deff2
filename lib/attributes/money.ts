/**
 * Money attributes (a repair order's total, a customer's credit): stored as a number of the
 * company's currency, typed and shown as the reader writes money ("644,00 $" in French,
 * "$644.00" in English). Client-safe.
 */

/** The regional locale money is written in: Parley serves Canadian businesses first. */
export const moneyLocale = (locale: string) => (locale.includes("-") ? locale : locale.startsWith("fr") ? "fr-CA" : "en-CA");

const formatters = new Map<string, Intl.NumberFormat>();

/** 644 → "644,00 $" (fr) or "$644.00" (en), in the company's currency. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const key = `${moneyLocale(locale)}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(moneyLocale(locale), { style: "currency", currency });
    } catch {
      formatter = new Intl.NumberFormat(moneyLocale(locale), { style: "currency", currency: "CAD" });
    }
    formatters.set(key, formatter);
  }
  return formatter.format(amount);
}

/**
 * An amount as people type or export it: "644", "644,5", "1 343,67 $", "$1,343.67",
 * "CA$ 1.343,67", "-20". The last separator followed by one or two digits is the decimal
 * mark; any other separator groups thousands. Undefined when it is not an amount.
 */
export function parseMoney(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) && Math.abs(raw) < 1e12 ? Math.round(raw * 100) / 100 : undefined;
  if (typeof raw !== "string") return undefined;
  // Currency signs and codes, and every kind of space, around or inside the number.
  let text = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/^(?:[A-Za-z]{0,3}\$|[A-Za-z]{3}|[€£¥])|(?:[A-Za-z]{0,3}\$|[A-Za-z]{3}|[€£¥])$/g, "");
  const negative = /^-/.test(text) || /^\(.*\)$/.test(text);
  text = text.replace(/^[-(]|\)$/g, "");
  if (!/^\d[\d.,']*$/.test(text)) return undefined;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[.,']/g, (separator, offset: number, all: string) => {
    // A thousands separator is followed by exactly three digits.
    return /^\d{3}(?:\D|$)/.test(all.slice(offset + 1)) ? "" : "x";
  });
  if (!/^\d+$/.test(whole)) return undefined;
  const amount = Number(`${whole}.${decimal ? decimal[1]!.padEnd(2, "0") : "00"}`);
  if (!Number.isFinite(amount) || amount >= 1e12) return undefined;
  return negative ? -amount : amount;
}

