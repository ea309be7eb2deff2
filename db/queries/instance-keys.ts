import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instanceKeys } from "@/db/schema";

/** A key this server generated for itself (system-wide, not a company's). */
export async function readInstanceKey(db: Db, name: string) {
  const [row] = await db.select({ value: instanceKeys.value }).from(instanceKeys).where(eq(instanceKeys.name, name));
  return row?.value ?? null;
}

/** Stores `value` unless another process stored one first; returns the one kept. */
export async function keepInstanceKey(db: Db, name: string, value: string) {
  await db.insert(instanceKeys).values({ name, value }).onConflictDoNothing();
  return (await readInstanceKey(db, name))!;
}
