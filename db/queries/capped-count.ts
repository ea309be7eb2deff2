import "server-only";
import { count, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { COUNT_CAP } from "@/lib/capped-count";

/** How many rows of `table` match `where`, counting at most `cap` of them (a badge's "999+"). */
export async function cappedCount(db: Db, table: PgTable, where: SQL | undefined, cap = COUNT_CAP) {
  const rows = db.select({ one: sql`1` }).from(table).where(where).limit(cap);
  const [row] = await db.select({ value: count() }).from(rows.as("capped"));
  return row?.value ?? 0;
}
