import "server-only";
import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importErrors, imports, type ImportMapping } from "@/db/schema";

export async function findImport(db: Db, { companyId, importId }: { companyId: string; importId: string }) {
  const [row] = await db.select().from(imports).where(and(eq(imports.companyId, companyId), eq(imports.id, importId)));
  return row;
}

export async function listRecentImports(db: Db, { companyId, limit = 10 }: { companyId: string; limit?: number }) {
  return db
    .select({
      id: imports.id,
      fileName: imports.fileName,
      status: imports.status,
      totalRows: imports.totalRows,
      processedRows: imports.processedRows,
      createdRows: imports.createdRows,
      updatedRows: imports.updatedRows,
      errorRows: imports.errorRows,
      createdAt: imports.createdAt,
    })
    .from(imports)
    .where(eq(imports.companyId, companyId))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

export async function listImportErrors(db: Db, { companyId, importId }: { companyId: string; importId: string }) {
  return db
    .select({ row: importErrors.row, column: importErrors.column, value: importErrors.value, reason: importErrors.reason, values: importErrors.values })
    .from(importErrors)
    .where(and(eq(importErrors.companyId, companyId), eq(importErrors.importId, importId)))
    .orderBy(asc(importErrors.row), asc(importErrors.id));
}

export type ImportRow = typeof imports.$inferSelect;
const STALE_CLAIM = "2 minutes";
/** Running, but its runner has not reported for a while (or let it go). */
const abandonedRun = () => and(eq(imports.status, "running"), or(isNull(imports.claimedAt), lt(imports.claimedAt, sql`now() - ${STALE_CLAIM}::interval`)));

export async function insertImport(db: Db, values: Omit<typeof imports.$inferInsert, "createdAt" | "updatedAt">) {
  const [created] = await db.insert(imports).values(values).returning({ id: imports.id, totalRows: imports.totalRows });
  return created!;
}

/** Confirms the mapping of an import still at the mapping step; undefined once it started. */
export async function queueImport(
  db: Db,
  { companyId, importId, kind, mapping, groupId = null }: { companyId: string; importId: string; kind: ImportRow["kind"]; mapping: ImportMapping; groupId?: string | null },
) {
  const [queued] = await db
    .update(imports)
    .set({ status: "pending", kind, mapping, groupId })
    .where(and(eq(imports.companyId, companyId), eq(imports.id, importId), eq(imports.status, "mapping")))
    .returning({ id: imports.id, status: imports.status });
  return queued;
}

/**
 * Takes a pending import, or one whose runner went quiet, for this runner. By id alone:
 * the runner is given an import id by the queue or the sweep, whatever its company.
 */
export async function claimImport(db: Db, { importId }: { importId: string }) {
  const [job] = await db
    .update(imports)
    .set({ status: "running", claimedAt: sql`now()`, startedAt: sql`coalesce(${imports.startedAt}, now())` })
    .where(and(eq(imports.id, importId), or(eq(imports.status, "pending"), abandonedRun())))
    .returning();
  return job;
}

export async function importStatus(db: Db, { importId }: { importId: string }) {
  const [row] = await db.select({ status: imports.status }).from(imports).where(eq(imports.id, importId));
  return row?.status;
}

export async function insertImportErrors(db: Db, rows: Omit<typeof importErrors.$inferInsert, "id">[]) {
  if (rows.length) await db.insert(importErrors).values(rows);
}

/** Moves the offset forward with a batch's counts, only if nobody else moved it meanwhile. */
export async function advanceImport(
  db: Db,
  { companyId, importId, fromRow, counts }: { companyId: string; importId: string; fromRow: number; counts: { rows: number; created: number; updated: number; errorRows: number } },
) {
  const [next] = await db
    .update(imports)
    .set({
      processedRows: sql`${imports.processedRows} + ${counts.rows}`,
      createdRows: sql`${imports.createdRows} + ${counts.created}`,
      updatedRows: sql`${imports.updatedRows} + ${counts.updated}`,
      errorRows: sql`${imports.errorRows} + ${counts.errorRows}`,
      claimedAt: sql`now()`,
    })
    .where(and(eq(imports.companyId, companyId), eq(imports.id, importId), eq(imports.status, "running"), eq(imports.processedRows, fromRow)))
    .returning();
  return next;
}

export async function completeImport(db: Db, { companyId, importId }: { companyId: string; importId: string }) {
  const [completed] = await db
    .update(imports)
    .set({ status: "completed", finishedAt: sql`now()`, claimedAt: null })
    .where(and(eq(imports.companyId, companyId), eq(imports.id, importId), eq(imports.status, "running")))
    .returning();
  return completed;
}

export async function failImport(db: Db, { companyId, importId, reason }: { companyId: string; importId: string; reason: string }) {
  const [failed] = await db
    .update(imports)
    .set({ status: "failed", failureReason: reason, finishedAt: sql`now()`, claimedAt: null })
    .where(and(eq(imports.companyId, companyId), eq(imports.id, importId)))
    .returning();
  return failed;
}

/** Lets another run pick the import up where this one stopped. */
export async function releaseImport(db: Db, { companyId, importId }: { companyId: string; importId: string }) {
  await db
    .update(imports)
    .set({ claimedAt: null })
    .where(and(eq(imports.companyId, companyId), eq(imports.id, importId), eq(imports.status, "running")));
}

/** The sweep's due imports, of every company: queued a while ago and not picked up, or whose runner stopped. */
export async function listStalledImports(db: Db, { limit = 5 }: { limit?: number } = {}) {
  return db
    .select({ id: imports.id })
    .from(imports)
    .where(
      or(
        and(eq(imports.status, "pending"), lt(imports.updatedAt, sql`now() - interval '30 seconds'`)),
        abandonedRun(),
      ),
    )
    .orderBy(imports.createdAt)
    .limit(limit);
}
