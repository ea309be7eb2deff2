import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sweepRuns } from "@/db/schema";

/** A sweep's heartbeat (system-wide, not a company's): its last run and result. */
export async function recordSweepRun(db: Db, { name, at, result }: { name: string; at: Date; result: Record<string, unknown> }) {
  await db
    .insert(sweepRuns)
    .values({ name, lastRunAt: at, lastResult: result })
    .onConflictDoUpdate({
      target: sweepRuns.name,
      set: { lastRunAt: sql`excluded.last_run_at`, lastResult: sql`excluded.last_result` },
    });
}
