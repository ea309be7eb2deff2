import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fromExcluded } from "@/db/excluded";
import { customerEvents } from "@/db/schema";

export type CustomerEventRow = typeof customerEvents.$inferSelect;

/** The company's events of one kind with these numbers, locked for an import batch. */
export async function lockRepairOrders(db: Db, { companyId, kind, numbers }: { companyId: string; kind: string; numbers: string[] }) {
  return db
    .select()
    .from(customerEvents)
    .where(and(eq(customerEvents.companyId, companyId), eq(customerEvents.kind, kind), inArray(customerEvents.number, numbers)))
    .for("update");
}

/** Writes an import batch's events, inserted or updated by id. */
export async function upsertImportedRepairOrders(db: Db, { companyId, values }: { companyId: string; values: CustomerEventRow[] }) {
  await db
    .insert(customerEvents)
    .values(values.map(({ createdAt: _createdAt, ...value }) => value))
    .onConflictDoUpdate({
      target: customerEvents.id,
      set: fromExcluded(["customerId", "title", "status", "occurredAt", "attributes"]),
      setWhere: eq(customerEvents.companyId, companyId),
    });
}
