import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { attributeDefinitions } from "@/db/queries/attributes";
import { insertImport } from "@/db/queries/imports";
import type { ActionContext } from "@/lib/actions/action";
import { fieldErrorsOf } from "@/lib/actions/action";
import { SafeError } from "@/lib/actions/errors";
import { throwIfNoPermission } from "@/lib/auth/permissions";
import type { FileStorage } from "@/lib/files/storage";
import { describeColumns, guessKind, guessMapping, type CategorizedAttribute } from "./mapping";
import { parseImportFile } from "./parse";
import { uploadSchema } from "./validation";

export class UploadRejected extends SafeError {
  constructor(
    message: string,
    values: Record<string, string | number> | undefined,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message, values);
  }
}

/** The company's custom attributes a file can fill: the customers', the appointments' and the events', oldest first. */
export async function importableAttributes(db: Db, companyId: string): Promise<CategorizedAttribute[]> {
  const definitions = await attributeDefinitions(db, { companyId });
  return definitions
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ category, key, label, type, options }) => ({ category, key, label, type, options }));
}

/**
 * Keeps an uploaded file and what the mapping screen needs: its columns with samples, the
 * row count, the kind of rows it seems to hold and a proposed mapping. Nothing is imported
 * until the mapping is confirmed.
 */
export async function createImport(
  { db, companyId, userId, role, permissions }: ActionContext,
  upload: { fileName: string; body: Buffer },
  { storage, maxBytes }: { storage: FileStorage; maxBytes: number },
) {
  throwIfNoPermission({ role, permissions }, "importCustomers");
  const checked = uploadSchema(maxBytes).safeParse({ fileName: upload.fileName, sizeBytes: upload.body.length });
  if (!checked.success) {
    const fieldErrors = fieldErrorsOf(checked.error);
    const first = Object.values(fieldErrors)[0]![0]!;
    throw new UploadRejected(first, { max: Math.round(maxBytes / 1024 / 1024) }, fieldErrors);
  }
  const file = await parseImportFile(upload.body, checked.data.fileName);
  const columns = describeColumns(file.headers, file.rows);
  const attributes = await importableAttributes(db, companyId);
  const kind = guessKind(columns, attributes);
  const mapping = guessMapping(columns, attributes, kind);
  const id = randomUUID();
  const storageKey = `imports/${companyId}/${id}/${checked.data.fileName.replace(/[^\w.-]+/g, "_")}`;
  await storage.put(storageKey, upload.body, checked.data.fileName.toLowerCase().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
  return insertImport(db, { id, companyId, userId, kind, fileName: checked.data.fileName, storageKey, sizeBytes: upload.body.length, status: "mapping", hasHeader: file.hasHeader ? "yes" : "no", columns, mapping, totalRows: file.rows.length });
}
