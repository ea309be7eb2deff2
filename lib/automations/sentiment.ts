import "server-only";
// natural's lexicon analyser, loaded alone: the package index pulls in optional stores.
import { SentimentAnalyzer } from "natural/lib/natural/sentiment";
import type { AiClient } from "@/lib/ai/client";

export type Sentiment = "positive" | "negative" | "neutral";
export type SentimentReading = { sentiment: Sentiment; score: number | null; explanation: string | null; source: "lexicon" | "ai" | "score" };

type Analyzer = { getSentiment(words: string[]): number };
let analyzers: { fr: Analyzer; en: Analyzer } | undefined;
function lexicons() {
  // French: the Pattern project's lexicon (adjectives with polarity); English: AFINN-165.
  analyzers ??= {
    fr: new SentimentAnalyzer("French", undefined, "pattern") as Analyzer,
    en: new SentimentAnalyzer("English", undefined, "afinn") as Analyzer,
  };
  return analyzers;
}

/** Words as the lexicons spell them: lower case, accents kept, elisions split (l'accueil). */
function lexiconWords(text: string) {
  return text
    .toLowerCase()
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Polarity < 0 negative, > 0 positive: French, English, whichever the reply reads as. */
export function lexiconPolarity(text: string, language: "fr" | "en"): number {
  const words = lexiconWords(text);
  if (words.length === 0) return 0;
  const { fr, en } = lexicons();
  const first = (language === "fr" ? fr : en).getSentiment(words);
  if (first !== 0 && Number.isFinite(first)) return first;
  const second = (language === "fr" ? en : fr).getSentiment(words);
  return Number.isFinite(second) ? second : 0;
}

// A few words the adjective lexicon misses in short SMS answers.
const NEGATIVE_HINTS = ["decu", "decue", "deception", "pas content", "pas contente", "pas satisfait", "pas satisfaite", "jamais plus", "plus jamais", "arnaque", "inacceptable", "not happy", "never again", "worst"];
const POSITIVE_HINTS = ["merci", "bravo", "thanks", "thank you", "super", "parfait", "perfect"];
const plain = (text: string) => ` ${text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")} `;

/** The score in a reply ("9", "8/10", "je donne 7 sur 10") within 0..scale, or null. */
export function scoreFromReply(text: string, scale: number | null | undefined): number | null {
  if (!scale || scale <= 0) return null;
  for (const match of text.matchAll(/(?<!\d|\d[.,])(\d{1,3})(?:\s*(?:\/|sur|out of|on)\s*(\d{1,3}))?(?!\d|[.,]\d)/gi)) {
    const value = Number(match[1]);
    const outOf = match[2] ? Number(match[2]) : scale;
    if (outOf <= 0 || value > outOf) continue;
    const scaled = outOf === scale ? value : Math.round((value / outOf) * scale);
    if (scaled >= 0 && scaled <= scale) return scaled;
  }
  return null;
}

/** A score's sentiment: the top of the scale is positive, the lower half negative. */
export function sentimentOfScore(score: number, scale: number): Sentiment {
  const ratio = score / scale;
  if (ratio >= 0.7) return "positive";
  if (ratio <= 0.5) return "negative";
  return "neutral";
}

/** Offline: a score when the reply has one, else the lexicons. */
export function offlineSentiment(text: string, { language, scale }: { language: "fr" | "en"; scale?: number | null }): SentimentReading {
  const score = scoreFromReply(text, scale);
  if (score !== null && scale) return { sentiment: sentimentOfScore(score, scale), score, explanation: null, source: "score" };
  const words = plain(text);
  let polarity = lexiconPolarity(text, language);
  if (NEGATIVE_HINTS.some((hint) => words.includes(` ${hint} `))) polarity = Math.min(polarity, -0.5);
  else if (polarity === 0 && POSITIVE_HINTS.some((hint) => words.includes(` ${hint} `))) polarity = 0.5;
  const sentiment: Sentiment = polarity < 0 ? "negative" : polarity > 0 ? "positive" : "neutral";
  return { sentiment, score: null, explanation: null, source: "lexicon" };
}

const SENTIMENT_PROMPT =
  "You read a customer's SMS reply to a car dealership or service business. " +
  'Answer with JSON only: {"sentiment":"positive"|"negative"|"neutral","score":number|null,"explanation":"one short sentence in the reply\'s language"}. ' +
  "score: the number the customer gave when asked to rate out of SCALE, else null.";

function parseJson(output: string): Record<string, unknown> | null {
  const start = output.indexOf("{");
  const end = output.lastIndexOf("}");
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(output.slice(start, end + 1)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** With Anthropic: the model classifies and explains; an unusable answer falls back to the lexicons. */
export async function readSentiment(ai: AiClient | null, text: string, options: { language: "fr" | "en"; scale?: number | null }): Promise<SentimentReading> {
  const offline = offlineSentiment(text, options);
  if (!ai) return offline;
  try {
    const answer = parseJson(await ai.complete(SENTIMENT_PROMPT.replace("SCALE", String(options.scale ?? "none")), text));
    const sentiment = answer?.sentiment;
    if (sentiment !== "positive" && sentiment !== "negative" && sentiment !== "neutral") return offline;
    const rawScore = typeof answer?.score === "number" ? Math.round(answer.score) : null;
    const score = options.scale && rawScore !== null && rawScore >= 0 && rawScore <= options.scale ? rawScore : offline.score;
    const explanation = typeof answer?.explanation === "string" ? answer.explanation.slice(0, 300) : null;
    return { sentiment, score, explanation, source: "ai" };
  } catch (error) {
    console.error("[automations] AI sentiment failed; using the lexicon", error);
    return offline;
  }
}

export type ReplyClassificationReading = { classification: "confirm" | "cancel" | "reschedule" | "question" | "other"; summary: string | null };

const CLASSIFY_PROMPT =
  "A customer answered an appointment reminder SMS from a car dealership. No keyword matched. " +
  "Classify the reply: confirm (they will come, even if late), cancel (they will not come), reschedule (they ask for another time), " +
  "question (they ask something), other. " +
  'Answer with JSON only: {"classification":"confirm"|"cancel"|"reschedule"|"question"|"other","summary":"one line for the staff, in the reply\'s language"}.';

/** With Anthropic: what an unmatched reminder reply asks for, with a one-line summary; null on failure. */
export async function classifyReminderReply(ai: AiClient, text: string): Promise<ReplyClassificationReading | null> {
  try {
    const answer = parseJson(await ai.complete(CLASSIFY_PROMPT, text));
    const classification = answer?.classification;
    if (classification !== "confirm" && classification !== "cancel" && classification !== "reschedule" && classification !== "question" && classification !== "other") return null;
    return { classification, summary: typeof answer?.summary === "string" ? answer.summary.slice(0, 300) : null };
  } catch (error) {
    console.error("[automations] AI classification failed", error);
    return null;
  }
}
