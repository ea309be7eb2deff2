import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export type PhoneParseResult =
  | { ok: true; e164: string }
  | { ok: false; reason: "invalid" };

/** Parses a phone number typed in any format to E.164, in the company's default region. */
export function parsePhone(input: string, defaultCountry: string = "CA"): PhoneParseResult {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: "invalid" };
  return { ok: true, e164: parsed.number };
}

/** "+15145550123" → "(514) 555-0123" for display; unknown shapes are returned as is. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return "";
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? (parsed.country === "CA" || parsed.country === "US" ? parsed.formatNational() : parsed.formatInternational()) : e164;
}

/** Digits a person typed when searching by phone ("(514) 555-01" → "51455501"). */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, "");
}
