import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new endpoint secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
export function generateWebhookSecret() {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * The three Standard Webhooks headers for a body. While a rolled secret is still valid
 * both signatures are sent, space-separated, so a receiver holding either verifies.
 */
export function signatureHeaders(
  { messageId, timestamp, body }: { messageId: string; timestamp: Date; body: string },
  secrets: string[],
): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body));
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
