import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importErrors, imports } from "@/db/schema";

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
