import { countSegments } from "@/lib/messaging/segments";

/**
 * CASL: a marketing text names its sender and says how to unsubscribe. The instruction is
 * added unless the text already carries one (a capitalised STOP / ARRÊT, or the word
 * unsubscribe / désabonner), so staff may word it themselves.
 */
const CAPITALISED = /(^|[^\p{L}])(STOP|ARR[ÊE]T)(?![\p{L}])/u;
const WORDS = /unsubscribe|d[ée]sabonner/iu;

export function hasOptOutInstruction(text: string) {
  return CAPITALISED.test(text) || WORDS.test(text);
}

// ARRET, not ARRÊT: Ê is not in the GSM alphabet and would switch every French text to UCS-2
// (70 characters a segment instead of 160); the keyword is matched either way, as in the
// STOP/START confirmations.
export function optOutFooter({ companyName, locale }: { companyName: string; locale: string | null | undefined }) {
  return locale === "en" ? `${companyName}: Reply STOP to unsubscribe` : `${companyName}: Répondez ARRET pour vous désabonner`;
}

export function appendOptOutFooter(text: string, options: { companyName: string; locale: string | null | undefined }) {
  if (hasOptOutInstruction(text)) return text;
  return `${text.trimEnd()}\n${optOutFooter(options)}`;
}

/**
 * The text with the footer that bills the most, for counting before the recipients are
 * known: each customer gets the footer of their own language, and the two differ in length.
 */
export function withCostliestOptOutFooter(text: string, companyName: string) {
  const [fr, en] = (["fr", "en"] as const).map((locale) => appendOptOutFooter(text, { companyName, locale }));
  return countSegments(en!).segments > countSegments(fr!).segments ? en! : fr!;
}
