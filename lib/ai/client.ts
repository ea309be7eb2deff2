import "server-only";
import Anthropic from "@anthropic-ai/sdk";
import { SafeError } from "@/lib/actions/errors";
import { env } from "@/lib/env";

export type AiClient = { complete(system: string, text: string): Promise<string> };

export function anthropicClient(options: { apiKey: string; baseURL?: string; model: string }): AiClient {
  const client = new Anthropic({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 1, timeout: 30_000 });
  return {
    async complete(system, text) {
      const response = await client.messages.create({
        model: options.model,
        max_tokens: 1024,
        system,
        messages: [{ role: "user", content: text }],
      });
      const output = response.content
        .map((block) => (block.type === "text" ? block.text : ""))
        .join("")
        .trim();
      if (!output) throw new SafeError("ai.failed");
      return output;
    },
  };
}

let configured: AiClient | null | undefined;

/** The configured AI client, or null: the buttons then explain what to set. */
export function defaultAiClient(): AiClient | null {
  if (configured !== undefined) return configured;
  const config = env();
  configured = config.ANTHROPIC_API_KEY
    ? anthropicClient({ apiKey: config.ANTHROPIC_API_KEY, baseURL: config.ANTHROPIC_BASE_URL, model: config.ANTHROPIC_MODEL })
    : null;
  return configured;
}

let override: AiClient | null | undefined;
/** Tests point the actions at a client talking to a local fake server. */
export function useAiClient(client: AiClient | null | undefined) {
  override = client;
}

/** The client the actions use: the test override, else the configured one; refuses when there is none. */
export function aiClient(): AiClient {
  const ai = override !== undefined ? override : defaultAiClient();
  if (!ai) throw new SafeError("ai.notConfigured");
  return ai;
}

/** The client background work uses (the test override, else the configured one), or null without a key. */
export function optionalAiClient(): AiClient | null {
  return override !== undefined ? override : defaultAiClient();
}
