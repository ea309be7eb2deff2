import { createHash, randomUUID, webcrypto } from "node:crypto";
import { Auth, AlgorithmTypes } from "@vonage/auth";
import { SMS as SmsApi } from "@vonage/sms";
import { errors, jwtVerify, SignJWT } from "jose";

/** A signed callback older than this is refused, so a captured one cannot be replayed later. */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;
/** How far in the future a token may be dated: the clocks of Vonage and ours may differ a little. */
export const SIGNATURE_CLOCK_SKEW_SECONDS = 60;

export type VerifiedWebhook =
  | { ok: true; shape: "messages"; payload: unknown }
  | { ok: true; shape: "legacy"; params: Record<string, string> }
  | { ok: false; status: 400 | 401; error: string };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// jose works on Web Crypto keys: one imported once per secret, not a raw secret or a Node
// KeyObject converted on every request (half of a webhook's signature check).
const keys = new Map<string, Promise<CryptoKey>>();
const key = (secret: string) => {
  let found = keys.get(secret);
  if (!found) keys.set(secret, (found = webcrypto.subtle.importKey("raw", Buffer.from(secret, "utf8"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"])));
  return found;
};

// The SDK's own check of the SMS API `sig` parameter; it needs no credentials.
const smsApi = new SmsApi(new Auth({ apiKey: "webhook", apiSecret: "verification" }));

/**
 * Reads and authenticates a Vonage webhook. Messages API callbacks carry
 * `Authorization: Bearer <JWT>` signed HS256 with the signature secret, whose
 * `payload_hash` is the SHA-256 of the body. Legacy SMS API callbacks (GET query, or
 * POST form/JSON) carry a `sig` HMAC-SHA256 of their sorted parameters and a `timestamp`.
 */
export async function verifyVonageWebhook(request: Request, secret: string, now = new Date()): Promise<VerifiedWebhook> {
  const raw = request.method === "GET" ? "" : await request.text();
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
    if (!token) return { ok: false, status: 401, error: "Malformed Authorization header" };
    try {
      const { payload } = await jwtVerify(token, await key(secret), {
        algorithms: ["HS256"],
        currentDate: now,
        clockTolerance: SIGNATURE_CLOCK_SKEW_SECONDS,
        requiredClaims: ["iat"],
      });
      const age = now.getTime() / 1000 - Number(payload.iat);
      if (!(age <= SIGNATURE_MAX_AGE_SECONDS && age >= -SIGNATURE_CLOCK_SKEW_SECONDS)) {
        return { ok: false, status: 401, error: "Signature older than 5 minutes or dated in the future" };
      }
      if (payload.payload_hash !== sha256(raw)) return { ok: false, status: 401, error: "payload_hash does not match the body" };
    } catch (error) {
      const reason = error instanceof errors.JOSEError ? error.code : "invalid token";
      return { ok: false, status: 401, error: `Invalid signature (${reason})` };
    }
    try {
      return { ok: true, shape: "messages", payload: JSON.parse(raw) };
    } catch {
      return { ok: false, status: 400, error: "The body is not JSON" };
    }
  }

  const params = legacyParams(request, raw);
  if (!params) return { ok: false, status: 400, error: "Unreadable body" };
  const { sig, timestamp } = params;
  if (!sig) return { ok: false, status: 401, error: "Unsigned webhook" };
  const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (!timestamp || !Number.isFinite(age) || age > SIGNATURE_MAX_AGE_SECONDS) {
    return { ok: false, status: 401, error: "Signature timestamp missing or older than 5 minutes" };
  }
  if (!smsApi.verifySignature(sig, params, secret, AlgorithmTypes.sha256hmac)) {
    return { ok: false, status: 401, error: "Invalid signature" };
  }
  return { ok: true, shape: "legacy", params };
}

function legacyParams(request: Request, raw: string): Record<string, string> | null {
  if (request.method === "GET") return Object.fromEntries(new URL(request.url).searchParams);
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const body = JSON.parse(raw) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
    } catch {
      return null;
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Signs a Messages API callback as Vonage does (the phone simulator and tests use it). */
export async function signMessagesWebhook(body: string, secret: string, now = new Date()) {
  const token = await new SignJWT({ payload_hash: sha256(body), jti: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(await key(secret));
  return `Bearer ${token}`;
}
