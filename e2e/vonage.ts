import { createHash, createHmac, randomUUID } from "node:crypto";

/**
 * A Vonage Messages webhook's signature (HS256 JWT with the body's hash), built here: the
 * app's signing module pulls in the Vonage SDK, which this Jest project cannot load.
 */
export function signedByVonage(body: string, secret: string) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part({ payload_hash: createHash("sha256").update(body).digest("hex"), jti: randomUUID(), iat: Math.floor(Date.now() / 1000) })}`;
  return `Bearer ${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
}


/** A customer's text as Vonage posts it to the inbound webhook (to the demo company's number); resolves once accepted. */
export async function inboundText(baseUrl: string, { to, from, text }: { to: string; from: string; text: string }) {
  const body = JSON.stringify({ channel: "sms", message_type: "text", message_uuid: randomUUID(), to: to.slice(1), from, text, timestamp: new Date().toISOString() });
  const response = await fetch(`${baseUrl}/api/webhooks/vonage/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: signedByVonage(body, "e2e-signature-secret-0123456789abcdef") },
    body,
  });
  if (response.status !== 200) throw new Error(`inbound webhook: HTTP ${response.status}`);
}
