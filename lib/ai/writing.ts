import "server-only";
import { SafeError } from "@/lib/actions/errors";
import { formatToken, parseTemplate } from "@/lib/templates/parse";
import type { AiClient } from "./client";

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

async function rewrite(client: AiClient, system: string, source: string) {
  const { text, restore } = protectTokens(source);
  let output: string;
  try {
    output = await client.complete(system, text);
  } catch (error) {
    if (error instanceof SafeError) throw error;
    console.error("[ai] request failed", error);
    throw new SafeError("ai.failed");
  }
  return restore(output.replace(/^["«]|["»]$/g, "").trim());
}

/** EDIT-1: one click, spelling and grammar only. */
export const spellcheck = (client: AiClient, text: string) => rewrite(client, PROMPTS.spellcheck, text);

/** EDIT-2: clearer and friendlier, same language, tokens intact. */
export const improve = (client: AiClient, text: string) => rewrite(client, PROMPTS.improve, text);

/** EDIT-12 / EDIT-13: into any language, tokens intact. */
export const translate = (client: AiClient, text: string, language: string) =>
  rewrite(client, `${RULES} Translate it into ${language}. Keep names, numbers and placeholders.`, text);
