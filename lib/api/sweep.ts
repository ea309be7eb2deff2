import "server-only";
import type { Db } from "@/db/client";
import { sweepApiState } from "@/db/queries/api";

/** Forgets Idempotency-Keys older than 24 hours and rate-limit windows older than an hour. */
export function sweepExpiredApiState(db: Db) {
  return sweepApiState(db);
}
