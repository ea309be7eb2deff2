import "server-only";
import type { Db } from "@/db/client";
import { clearSignInFailures, findSignInLocks, recordSignInFailure } from "@/db/queries/sign-in-attempts";

/**
 * An account is never locked outright (a stranger could lock anyone out with a few
 * tries): after a few failures each further try waits longer, up to a few minutes. An
 * address known through a trusted proxy that fails on many accounts is locked.
 */
export const THROTTLE_LIMITS = {
  account: { failures: 5, windowMinutes: 15, firstDelaySeconds: 1, maxDelaySeconds: 5 * 60 },
  ip: { failures: 20, windowMinutes: 15, firstDelaySeconds: 15 * 60, maxDelaySeconds: 15 * 60 },
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
  const locks = (await findSignInLocks(db, { keys: throttleKeys(email, ip).map((k) => k.key) })).filter((date) => date > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

export async function recordFailedSignIn(db: Db, email: string, ip: string | null, now = new Date()) {
  for (const { scope, key } of throttleKeys(email, ip)) {
    const limits = THROTTLE_LIMITS[scope];
    await recordSignInFailure(db, {
      key,
      now,
      windowStart: new Date(now.getTime() - limits.windowMinutes * 60_000),
      lockAfter: limits.failures,
      firstDelaySeconds: limits.firstDelaySeconds,
      maxDelaySeconds: limits.maxDelaySeconds,
    });
  }
}

export async function clearFailedSignIns(db: Db, email: string) {
  await clearSignInFailures(db, { key: throttleKeys(email, null)[0]!.key });
}
