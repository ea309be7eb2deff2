import { createHash, randomBytes } from "node:crypto";
import "server-only";
import type { Db } from "@/db/client";
import { findApiKeyByHash, insertApiKey, type ApiKeyRow } from "@/db/queries/api";
import type { ApiScope } from "@/db/schema";

export const API_SCOPES = ["read", "write", "send"] as const satisfies readonly ApiScope[];
export const KEY_PREFIX = "pk_live_";
/** How much of a key lists and logs show: `pk_live_AbC1`. */
export const SHOWN_PREFIX_LENGTH = 12;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** 32 random base62 characters after the prefix (about 190 bits). */
export function generateApiKey() {
  const bytes = randomBytes(48);
  let secret = "";
  for (const byte of bytes) {
    if (byte >= 248) continue; // 248 = 4 × 62: keeps the characters uniform
    secret += ALPHABET[byte % 62];
    if (secret.length === 32) break;
  }
  while (secret.length < 32) secret += ALPHABET[randomBytes(1)[0]! % 62];
  return `${KEY_PREFIX}${secret}`;
}

/** Makes a key; the full key is answered here only, and stored as its hash. */
export async function createApiKey(db: Db, { companyId, name, scopes, createdByUserId }: { companyId: string; name: string; scopes: ApiScope[]; createdByUserId: string | null }) {
  const key = generateApiKey();
  const row = await insertApiKey(db, { companyId, name, scopes: API_SCOPES.filter((scope) => scopes.includes(scope)), prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashApiKey(key), createdByUserId });
  return { key, row };
}

export type KeyLookup = { ok: true; key: ApiKeyRow } | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked" };

/** The key an `Authorization: Bearer …` header names. */
export async function authenticateApiKey(db: Db, header: string | null): Promise<KeyLookup> {
  if (!header) return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { ok: false, reason: "malformed" };
  const token = match[1]!;
  if (!token.startsWith(KEY_PREFIX) || token.length > 200) return { ok: false, reason: "unknown" };
  const key = await findApiKeyByHash(db, hashApiKey(token));
  if (!key) return { ok: false, reason: "unknown" };
  if (key.revokedAt) return { ok: false, reason: "revoked" };
  return { ok: true, key };
}
