import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/** Sign-in throttling happens before any company is known: keyed by account or address. */
export async function findSignInLocks(db: Db, { keys }: { keys: string[] }) {
  const rows = await db
    .select({ lockedUntil: signInAttempts.lockedUntil })
    .from(signInAttempts)
    .where(inArray(signInAttempts.key, keys));
  return rows.map((row) => row.lockedUntil).filter((date): date is Date => date !== null);
}

/**
 * Counts one failure in the key's window (a stale window starts again at 1). From the
 * `lockAfter`-th failure on, sign-in waits `firstDelaySeconds`, doubling with each further
 * failure up to `maxDelaySeconds`. One statement keeps concurrent failures counted exactly.
 */
export async function recordSignInFailure(
  db: Db,
  {
    key,
    now,
    windowStart,
    lockAfter,
    firstDelaySeconds,
    maxDelaySeconds,
  }: { key: string; now: Date; windowStart: Date; lockAfter: number; firstDelaySeconds: number; maxDelaySeconds: number },
) {
  const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;
  const stale = sql`${signInAttempts.windowStartedAt} < ${ts(windowStart)}`;
  const failures = sql`case when ${stale} then 1 else ${signInAttempts.failures} + 1 end`;
  const delaySeconds = sql`least(${firstDelaySeconds}::float8 * power(2, (${failures}) - ${lockAfter}), ${maxDelaySeconds}::float8)`;
  const firstLock = lockAfter <= 1 ? new Date(now.getTime() + firstDelaySeconds * 1000) : null;
  await db
    .insert(signInAttempts)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: firstLock })
    .onConflictDoUpdate({
      target: signInAttempts.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${stale} then ${ts(now)} else ${signInAttempts.windowStartedAt} end`,
        lockedUntil: sql`case when (${failures}) >= ${lockAfter} then ${ts(now)} + make_interval(secs => ${delaySeconds}) else ${signInAttempts.lockedUntil} end`,
      },
    });
}

export async function clearSignInFailures(db: Db, { key }: { key: string }) {
  await db.delete(signInAttempts).where(eq(signInAttempts.key, key));
}
