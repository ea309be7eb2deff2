import "server-only";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiIdempotency, apiKeys, apiRateWindows, memberships, users, type ApiScope } from "@/db/schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: Db, values: { companyId: string; name: string; prefix: string; keyHash: string; scopes: ApiScope[]; createdByUserId: string | null }) {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row!;
}

/** The company's keys, newest first, with the name of who made each. */
export async function listApiKeys(db: Db, { companyId }: { companyId: string }) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.companyId, companyId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export async function revokeApiKey(db: Db, { companyId, keyId }: { companyId: string; keyId: string }) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.companyId, companyId), eq(apiKeys.id, keyId)))
    .returning({ id: apiKeys.id });
  return row;
}

/** A request names its company only through its key: the one lookup not scoped to a company. */
export async function findApiKeyByHash(db: Db, hash: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hash)).limit(1);
  return row;
}

/** Records the key's use, at most once a minute per key. */
export async function touchApiKey(db: Db, { companyId, keyId }: { companyId: string; keyId: string }) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.companyId, companyId), eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
}

/** Counts one request in the key's current window and answers the count so far. */
export async function hitRateWindow(db: Db, { keyId, windowStart }: { keyId: string; windowStart: Date }) {
  const [row] = await db
    .insert(apiRateWindows)
    .values({ keyId, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.keyId, apiRateWindows.windowStart], set: { count: sql`${apiRateWindows.count} + 1` } })
    .returning({ count: apiRateWindows.count });
  return row!.count;
}

const IDEMPOTENCY_TTL = sql`interval '24 hours'`;

/**
 * Takes an Idempotency-Key for this request: answers the new row when this request is
 * the first (or the earlier one is over 24 hours old), else undefined.
 */
export async function claimIdempotencyKey(db: Db, { companyId, keyId, key, requestHash }: { companyId: string; keyId: string; key: string; requestHash: string }) {
  const [row] = await db
    .insert(apiIdempotency)
    .values({ companyId, keyId, key, requestHash })
    .onConflictDoUpdate({
      target: [apiIdempotency.keyId, apiIdempotency.key],
      set: { requestHash, status: null, body: null, createdAt: sql`now()` },
      setWhere: lt(apiIdempotency.createdAt, sql`now() - ${IDEMPOTENCY_TTL}`),
    })
    .returning({ id: apiIdempotency.id });
  return row;
}

export async function findIdempotencyKey(db: Db, { companyId, keyId, key }: { companyId: string; keyId: string; key: string }) {
  const [row] = await db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.companyId, companyId), eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.key, key)));
  return row;
}

export async function completeIdempotencyKey(db: Db, { companyId, id, status, body }: { companyId: string; id: string; status: number; body: unknown }) {
  await db
    .update(apiIdempotency)
    .set({ status, body })
    .where(and(eq(apiIdempotency.companyId, companyId), eq(apiIdempotency.id, id)));
}

/** Lets a request that failed on our side be tried again with the same key. */
export async function releaseIdempotencyKey(db: Db, { companyId, id }: { companyId: string; id: string }) {
  await db.delete(apiIdempotency).where(and(eq(apiIdempotency.companyId, companyId), eq(apiIdempotency.id, id)));
}

/** The sweep: idempotency keys past 24 hours and rate windows past an hour, of every company. */
export async function sweepApiState(db: Db) {
  const keys = await db.delete(apiIdempotency).where(lt(apiIdempotency.createdAt, sql`now() - ${IDEMPOTENCY_TTL}`)).returning({ id: apiIdempotency.id });
  const windows = await db.delete(apiRateWindows).where(lt(apiRateWindows.windowStart, sql`now() - interval '1 hour'`)).returning({ keyId: apiRateWindows.keyId });
  return { idempotencyKeys: keys.length, rateWindows: windows.length };
}

/** Active members of the company named by their id in an integrated system. */
export async function findUsersByExternalIds(db: Db, { companyId, externalIds }: { companyId: string; externalIds: string[] }) {
  if (!externalIds.length) return [];
  return db
    .select({ userId: memberships.userId, externalId: memberships.externalId })
    .from(memberships)
    .where(and(eq(memberships.companyId, companyId), eq(memberships.active, true), inArray(memberships.externalId, externalIds)));
}

/** The company's active users with their id in the integrated system, by name. */
export async function listUserExternalIds(db: Db, { companyId }: { companyId: string }) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, externalId: memberships.externalId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), eq(memberships.active, true)))
    .orderBy(users.name);
}

export async function setMembershipExternalId(db: Db, { companyId, userId, externalId }: { companyId: string; userId: string; externalId: string | null }) {
  const [row] = await db
    .update(memberships)
    .set({ externalId })
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return row;
}
