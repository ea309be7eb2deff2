import "server-only";
import { SafeError } from "@/lib/actions/errors";
import { formatToken, parseTemplate } from "@/lib/templates/parse";
import type { AiClient } from "./client";
import { languageForPrompt, resolveLanguage } from "./languages";
import { translationAnswerSchema } from "./validation";

/**
 * Attribute tokens go to the model as numbered placeholders and come back as they were;
 * an answer that lost or invented one is refused, so the draft is never damaged.
 */
export function protectTokens(source: string) {
  const nodes = parseTemplate(source);
  const tokens: string[] = [];
  const text = nodes
    .map((node) => {
      if (node.type === "text") return node.value;
      tokens.push(formatToken(node.path, node.fallback));
      return `⟦${tokens.length}⟧`;
    })
    .join("");
  return {
    text,
    restore(output: string) {
      const found = [...output.matchAll(/⟦(\d+)⟧/g)].map((match) => Number(match[1]));
      const expected = tokens.map((_, index) => index + 1);
      if (found.length !== tokens.length || expected.some((n) => !found.includes(n))) throw new SafeError("ai.tokensLost");
      return output.replace(/⟦(\d+)⟧/g, (_, n: string) => tokens[Number(n) - 1]!);
    },
  };
}

const RULES =
  "You edit SMS messages a car dealership or service business sends to its customers. " +
  "Answer with the edited message only: no quotes, no explanation. " +
  "Keep every placeholder like ⟦1⟧ exactly as it is, in a sensible place. Keep line breaks, emoji and URLs. Keep it short.";

const PROMPTS = {
  spellcheck: `${RULES} Fix spelling, grammar and punctuation only. Keep the language, the wording and the tone.`,
  improve: `${RULES} Rewrite it to be clearer, friendly and professional, in the same language. Do not add information.`,
};

async function ask(client: AiClient, system: string, text: string) {
  try {
    return await client.complete(system, text);
  } catch (error) {
    if (error instanceof SafeError) throw error;
    console.error("[ai] request failed", error);
    throw new SafeError("ai.failed");
  }
}

const unquote = (output: string) => output.replace(/^["«]|["»]$/g, "").trim();

async function rewrite(client: AiClient, system: string, source: string) {
  const { text, restore } = protectTokens(source);
  return restore(unquote(await ask(client, system, text)));
}

/** EDIT-1: one click, spelling and grammar only. */
export const spellcheck = (client: AiClient, text: string) => rewrite(client, PROMPTS.spellcheck, text);

/** EDIT-2: clearer and friendlier, same language, tokens intact. */
export const improve = (client: AiClient, text: string) => rewrite(client, PROMPTS.improve, text);

const TRANSLATE_RULES =
  "You translate SMS messages between a car dealership or service business and its customers. " +
  "Keep every placeholder like ⟦1⟧ exactly as it is, in a sensible place. Keep names, numbers, line breaks, emoji and URLs. " +
  "Also tell which language the message is written in. " +
  'Answer with one JSON object and nothing else: {"translation": "<the translated message>", "source_language": "<ISO 639-1 code of the language the message is written in, or its English name when it has no code>"}.';

/** The model's JSON answer, tolerating a code fence or a sentence around it. */
function parseTranslationAnswer(output: string) {
  const start = output.indexOf("{");
  const end = output.lastIndexOf("}");
  let parsed: unknown;
  try {
    parsed = start >= 0 && end > start ? JSON.parse(output.slice(start, end + 1)) : undefined;
  } catch {
    parsed = undefined;
  }
  const answer = translationAnswerSchema.safeParse(parsed);
  if (!answer.success) {
    console.error("[ai] translation answer is not the JSON asked for", output.slice(0, 200));
    throw new SafeError("ai.failed");
  }
  return answer.data;
}

/** A detected language as stored: the code when it is one (or names one), else the name; null when the model gave none. */
function detectedLanguage(value: string | null | undefined) {
  if (!value || /^(unknown|und|none|null)$/i.test(value.trim())) return null;
  return resolveLanguage(value) ?? null;
}

export type Translated = { text: string; language: string; sourceLanguage: string | null };

/**
 * EDIT-12 / EDIT-13: into any language (a code of the list or a name), tokens intact; the
 * model also names the language it translated from.
 */
export async function translate(client: AiClient, source: string, language: string): Promise<Translated> {
  const { text, restore } = protectTokens(source);
  const answer = parseTranslationAnswer(await ask(client, `${TRANSLATE_RULES} Translate it into ${languageForPrompt(language)}.`, text));
  return { text: restore(unquote(answer.translation)), language, sourceLanguage: detectedLanguage(answer.source_language) };
}
