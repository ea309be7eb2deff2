/**
 * Carrier failures in words staff understand (CONV-11). Codes come from Vonage's SMS API
 * delivery receipts (`err-code`) and Messages API status errors; unknown codes fall back
 * to the words of the detail text. The UI translates the category (carrierErrors.*).
 */

export type CarrierErrorCategory =
  | "invalid_number"
  | "landline_or_unreachable"
  | "blocked"
  | "opted_out_at_carrier"
  | "throttled"
  | "spam_filtered"
  | "network_error"
  | "expired"
  | "provider_error"
  /** Ours: the sender stopped (a crash, a deploy) before the carrier confirmed it; never sent again, so never twice. */
  | "interrupted"
  | "unknown";

const LEGACY_CODES: Record<string, CarrierErrorCategory> = {
  "1": "unknown",
  "2": "landline_or_unreachable",
  "3": "landline_or_unreachable",
  "4": "blocked",
  "5": "invalid_number",
  "6": "spam_filtered",
  "7": "landline_or_unreachable",
  "8": "network_error",
  "9": "invalid_number",
  "10": "provider_error",
  "11": "landline_or_unreachable",
  "12": "landline_or_unreachable",
  "13": "blocked",
  "14": "blocked",
  "15": "blocked",
  "16": "throttled",
  "50": "spam_filtered",
  "51": "spam_filtered",
  "52": "spam_filtered",
  "53": "opted_out_at_carrier",
  "54": "blocked",
  "99": "unknown",
  interrupted: "interrupted",
};

const DETAIL_PATTERNS: [RegExp, CarrierErrorCategory][] = [
  [/opt(ed)?[- ]?out|unsubscrib|consent/i, "opted_out_at_carrier"],
  [/throttl|rate limit|too many|quota/i, "throttled"],
  [/landline|absent|unreachable|unroutable|not reachable|handset|out of coverage/i, "landline_or_unreachable"],
  [/invalid|illegal|unknown subscriber|not a valid|does not exist/i, "invalid_number"],
  [/barred|blocked|blacklist|denied/i, "blocked"],
  [/spam|filter|content/i, "spam_filtered"],
  [/expired|ttl/i, "expired"],
  [/network/i, "network_error"],
];

export function carrierErrorCategory(code: string | number | null | undefined, detail?: string | null): CarrierErrorCategory {
  const key = code === null || code === undefined ? "" : String(code);
  if (LEGACY_CODES[key]) return LEGACY_CODES[key];
  // A code may itself be words ("landline" in a Messages API status, and in the demo data).
  for (const text of [detail, key]) for (const [pattern, category] of DETAIL_PATTERNS) if (text && pattern.test(text)) return category;
  return "unknown";
}
