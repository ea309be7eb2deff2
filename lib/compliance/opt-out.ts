/**
 * Opt-out by any reasonable means (FCC 2025, CTIA, CASL): what an inbound text asks for.
 * Pure and client-safe. A short text whose only meaning is a keyword is that keyword; a
 * longer or mixed one that contains a stop word is a "possible_stop" that staff decide,
 * never a guess.
 */

export type OptOutKind = "stop" | "start" | "help" | "possible_stop";
export type ConsentLanguage = "en" | "fr";
export type OptOutClassification = { kind: OptOutKind | null; language: ConsentLanguage };

type Keyword = { kind: "stop" | "start" | "help"; words: string[]; language: ConsentLanguage | null };

const keyword = (kind: Keyword["kind"], language: ConsentLanguage | null, phrases: string[]): Keyword[] =>
  phrases.map((phrase) => ({ kind, language, words: phrase.split(" ") }));

/**
 * Phrases as they read once normalised (lower case, no accents, no punctuation) and once
 * filler words are gone. "stop", "start" and "info" are used in both languages.
 */
const KEYWORDS: Keyword[] = [
  ...keyword("stop", null, ["stop", "stopall", "stop all"]),
  ...keyword("stop", "en", [
    "unsubscribe", "unsubcribe", "unsuscribe", "unsubscibe", "unsub", "cancel", "end", "quit", "revoke", "optout", "opt out",
    "no more",
  ]),
  ...keyword("stop", "fr", [
    "arret", "arrete", "arreter", "arretez", "arrettez",
    "desabonner", "desabonnez", "desabonne", "desabonnement",
    "desinscrire", "desinscrivez", "desinscris", "desinscription",
    "ne plus recevoir", "ne plus",
  ]),
  ...keyword("start", null, ["start"]),
  ...keyword("start", "en", ["unstop", "subscribe", "resubscribe", "optin", "opt in", "resume"]),
  ...keyword("start", "fr", ["abonner", "abonnez", "reabonner", "reabonnez", "reabonne", "reprendre", "inscrire", "reinscrire"]),
  ...keyword("help", null, ["info", "infos"]),
  ...keyword("help", "en", ["help"]),
  ...keyword("help", "fr", ["aide", "aidez"]),
];

/** Words that appear inside a longer text and still most likely ask to stop. */
const STOP_SIGNALS = new Set([
  "stop", "stopall", "unsubscribe", "unsub", "revoke", "optout",
  "arret", "arrete", "arreter", "arretez", "desabonner", "desabonnez", "desabonne",
  "desinscrire", "desinscrivez", "desinscris",
]);
/** "Remove it" or "retirez-le" may be about an invoice: these only ask staff. */
const STOP_SIGNAL_PHRASES = [
  ["opt", "out"], ["ne", "plus", "recevoir"], ["remove", "me"], ["take", "me", "off"],
  ["me", "retirer"], ["retirez", "moi"], ["m", "enlever"], ["enlevez", "moi"],
];
/** "I'll stop by tomorrow" is not an opt-out request. */
const NOT_A_STOP = [["stop", "by"], ["stop", "in"], ["stop", "off"], ["stop", "over"]];
/** Alone, these usually answer an appointment ("Annuler"): staff decide. */
const AMBIGUOUS_ALONE = [["annuler"], ["annulez"]];

/** Words that add nothing to a keyword: politeness, "me", "your texts", "I want to". */
const FILLERS_EN = [
  "please", "pls", "plz", "pleas", "thanks", "thank you", "thankyou", "thx", "ty", "now", "right now", "immediately", "asap",
  "i", "want", "to", "would", "like", "just", "me", "my", "it", "this", "number", "from", "list", "the", "all", "your",
  "text", "texts", "texting", "message", "messages", "messaging", "sending", "send", "writing", "contacting", "anymore", "any more",
  "hi", "hello", "ok", "okay", "sorry",
];
const FILLERS_FR = [
  "svp", "stp", "s il vous plait", "s il te plait", "sil vous plait", "sil te plait", "merci", "merci beaucoup",
  "maintenant", "tout de suite", "immediatement", "je", "veux", "voudrais", "souhaite", "aimerais", "j",
  "moi", "m", "me", "de", "des", "du", "vos", "votre", "vous", "les", "la", "le", "ce", "cette", "numero", "liste", "tout", "tous",
  "textos", "texto", "messages", "message", "sms", "courriels", "ecrire", "envoyer", "texter", "contacter",
  "ecrivez", "envoyez", "textez", "contactez", "veuillez", "pouvez", "pourriez",
  "bonjour", "salut", "allo", "ok", "desole",
];
const FILLERS = [...new Set([...FILLERS_EN, ...FILLERS_FR])].map((phrase) => phrase.split(" ")).sort((a, b) => b.length - a.length);
const ENGLISH_ONLY = new Set(FILLERS_EN.flatMap((p) => p.split(" ")).filter((w) => !FILLERS_FR.some((f) => f.split(" ").includes(w))));
const FRENCH_ONLY = new Set(FILLERS_FR.flatMap((p) => p.split(" ")).filter((w) => !FILLERS_EN.some((f) => f.split(" ").includes(w))));

/**
 * Beyond this many words a text is a sentence, not a keyword: at most a possible stop.
 * Within it, the keyword must be all that is left once fillers are set aside.
 */
const MAX_KEYWORD_WORDS = 8;

/** Cyrillic and Greek letters that look like Latin ones ("SТОР" typed with Cyrillic Т, О, Р). */
const LOOKALIKES: Record<string, string> = {
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", У: "Y",
  а: "a", е: "e", о: "o", р: "p", с: "c", у: "y", х: "x", і: "i",
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
  ο: "o",
};

/** The words of a text: compatibility forms folded (full-width), invisible characters and accents gone, lower case. */
export function optOutWords(text: string): string[] {
  return text
    .normalize("NFKC")
    // Zero-width spaces and joiners, soft hyphen, BOM, bidi marks: format characters.
    .replace(/[\p{Cf}\u180e\u3164\u115f\u1160]/gu, "")
    .replace(/[\u0370-\u03ff\u0400-\u04ff]/gu, (letter) => LOOKALIKES[letter] ?? letter)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const startsWith = (words: string[], at: number, phrase: string[]) => phrase.every((word, i) => words[at + i] === word);
const contains = (words: string[], phrase: string[]) => words.some((_, at) => startsWith(words, at, phrase));
const same = (a: string[], b: string[]) => a.length === b.length && startsWith(a, 0, b);

/** What a text says once fillers are set aside, a repeated word once ("STOP STOP STOP"). */
function withoutFillers(words: string[]): string[] {
  const kept: string[] = [];
  for (let at = 0; at < words.length; ) {
    const filler = FILLERS.find((phrase) => startsWith(words, at, phrase));
    if (filler) at += filler.length;
    else if (words[at] === kept.at(-1)) at++;
    else kept.push(words[at++]!);
  }
  return kept;
}

function fillerLanguage(words: string[]): ConsentLanguage | null {
  const french = words.filter((w) => FRENCH_ONLY.has(w)).length;
  const english = words.filter((w) => ENGLISH_ONLY.has(w)).length;
  if (french === english) return null;
  return french > english ? "fr" : "en";
}

/** The keyword the whole text amounts to, if any, and the language its other words speak. */
function exactKeyword(words: string[]): { keyword: Keyword; fillerLanguage: ConsentLanguage | null } | undefined {
  const joined = words.join("");
  // "S.T.O.P", "OPT-OUT", "Stop all": the whole text spelled as one keyword.
  const spelled = KEYWORDS.find((k) => k.words.join("") === joined);
  if (spelled) return { keyword: spelled, fillerLanguage: null };
  if (words.length > MAX_KEYWORD_WORDS) return undefined;
  const meaning = withoutFillers(words);
  const keyword = KEYWORDS.find((k) => same(meaning, k.words));
  return keyword && { keyword, fillerLanguage: fillerLanguage(words) };
}

function signalsStop(words: string[]): boolean {
  if (NOT_A_STOP.some((phrase) => contains(words, phrase))) return false;
  // "je ne veux plus recevoir": the phrase shows once the fillers are gone.
  const meaning = withoutFillers(words);
  return words.some((w) => STOP_SIGNALS.has(w)) || STOP_SIGNAL_PHRASES.some((phrase) => contains(words, phrase) || contains(meaning, phrase));
}

function stopSignalLanguage(words: string[]): ConsentLanguage | null {
  const meaning = withoutFillers(words);
  const signal = KEYWORDS.find((k) => k.kind === "stop" && k.language && (contains(words, k.words) || contains(meaning, k.words)));
  return signal?.language ?? null;
}

/**
 * What an inbound text asks for, and in which language to answer. `fallback` is the
 * language for words both languages use ("STOP", "INFO"): the customer's own.
 */
export function classifyOptOut(text: string, fallback: ConsentLanguage = "en"): OptOutClassification {
  const words = optOutWords(text);
  const exact = exactKeyword(words);
  if (exact) return { kind: exact.keyword.kind, language: exact.keyword.language ?? exact.fillerLanguage ?? fallback };
  const ambiguous = words.length <= MAX_KEYWORD_WORDS && AMBIGUOUS_ALONE.some((phrase) => same(withoutFillers(words), phrase));
  if (ambiguous || signalsStop(words)) {
    return { kind: "possible_stop", language: stopSignalLanguage(words) ?? fillerLanguage(words) ?? (ambiguous ? "fr" : fallback) };
  }
  return { kind: null, language: fallback };
}
