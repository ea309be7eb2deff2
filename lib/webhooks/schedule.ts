/**
 * Waits after each failed attempt: a first retry within seconds, then longer and longer
 * for about 24 hours in all (5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 8 h, 8 h ≈ 23 h 36 min).
 * After the last one the delivery is abandoned.
 */
export const RETRY_DELAYS_SECONDS = [5, 60, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 8 * 3600, 8 * 3600];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When attempt `attemptsMade + 1` runs, or null when none is left. */
export function nextAttemptAt(attemptsMade: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_SECONDS[attemptsMade - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
}

/** An endpoint whose every attempt failed for this long is disabled and its admins told. */
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 3600 * 1000;
/** A claim is held this long; a worker that stopped mid-attempt loses it after. */
export const LEASE_SECONDS = 60;
export const REQUEST_TIMEOUT_MS = 10_000;
/** How much of a request and a response the log keeps. */
export const EXCERPT_LENGTH = 2000;
/** Events, deliveries and attempts older than this leave the log. */
export const LOG_RETENTION_DAYS = 30;
