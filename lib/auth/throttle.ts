import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/** Failed sign-ins allowed per window before a key is locked. */
export const THROTTLE_LIMITS = {
  account: { failures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { failures: 20, windowMinutes: 15, lockMinutes: 15 },
} as const;

type Scope = keyof typeof THROTTLE_LIMITS;

export function throttleKeys(email: string, ip: string | null) {
  const keys: { scope: Scope; key: string }[] = [
    { scope: "account", key: `account:${email.trim().toLowerCase()}` },
  ];
  if (ip) keys.push({ scope: "ip", key: `ip:${ip}` });
  return keys;
}

/** The time until which sign-in is refused for this email or IP, if any. */
export async function lockedUntil(db: Db, email: string, ip: string | null, now = new Date()) {
  const keys = throttleKeys(email, ip).map((k) => k.key);
  const rows = await db
    .select({ lockedUntil: signInAttempts.lockedUntil })
    .from(signInAttempts)
    .where(inArray(signInAttempts.key, keys));
  const locks = rows
    .map((row) => row.lockedUntil)
    .filter((date): date is Date => date !== null && date > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

export async function recordFailedSignIn(db: Db, email: string, ip: string | null, now = new Date()) {
  for (const { scope, key } of throttleKeys(email, ip)) {
    const limits = THROTTLE_LIMITS[scope];
    const windowStart = new Date(now.getTime() - limits.windowMinutes * 60_000);
    const lockUntil = new Date(now.getTime() + limits.lockMinutes * 60_000);
    const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;
    // One statement per key keeps concurrent failures counted exactly.
    await db
      .insert(signInAttempts)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: signInAttempts.key,
        set: {
          failures: sql`case when ${signInAttempts.windowStartedAt} < ${ts(windowStart)} then 1 else ${signInAttempts.failures} + 1 end`,
          windowStartedAt: sql`case when ${signInAttempts.windowStartedAt} < ${ts(windowStart)} then ${ts(now)} else ${signInAttempts.windowStartedAt} end`,
          lockedUntil: sql`case when ${signInAttempts.windowStartedAt} >= ${ts(windowStart)} and ${signInAttempts.failures} + 1 >= ${limits.failures} then ${ts(lockUntil)} else ${signInAttempts.lockedUntil} end`,
        },
      });
  }
}

export async function clearFailedSignIns(db: Db, email: string) {
  await db.delete(signInAttempts).where(eq(signInAttempts.key, throttleKeys(email, null)[0]!.key));
}
