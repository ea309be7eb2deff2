import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sweepRuns } from "@/db/schema";

/** Installation-wide, not a company's: when background sweeps last ran. */
export async function findLastSweepAt(db: Db) {
  const [last] = await db.select({ at: sweepRuns.lastRunAt }).from(sweepRuns).orderBy(desc(sweepRuns.lastRunAt)).limit(1);
  return last?.at ?? null;
}

export async function pingDatabase(db: Db) {
  await db.execute(sql`select 1`);
}
