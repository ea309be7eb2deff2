import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

export type StripeSettings = { secretKey: string; webhookSecret?: string; apiBase?: string };

export function stripeClient({ secretKey, apiBase }: StripeSettings) {
  const base = apiBase ? new URL(apiBase) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? 443 : 80), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
}

/** Stripe from the configuration, or null: the payment button then says what to set. */
export function configuredStripe(): { client: Stripe; webhookSecret?: string } | null {
  const config = env();
  if (!config.STRIPE_SECRET_KEY) return null;
  return { client: stripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiBase: config.STRIPE_API_BASE }), webhookSecret: config.STRIPE_WEBHOOK_SECRET };
}

let override: ReturnType<typeof configuredStripe> | undefined;
/** Tests point payments at a Stripe client talking to a local fake server. */
export function useStripe(stripe: ReturnType<typeof configuredStripe> | undefined) {
  override = stripe;
}

export function stripeOrNull() {
  return override !== undefined ? override : configuredStripe();
}
