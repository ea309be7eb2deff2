import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customAttributeDefinitions, imports } from "@/db/schema";
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

/** The company's custom attributes a file can fill: the customers', the appointments' and the events'. */
export async function importableAttributes(db: Db, companyId: string): Promise<CategorizedAttribute[]> {
  return db
    .select({
      category: customAttributeDefinitions.category,
      key: customAttributeDefinitions.key,
      label: customAttributeDefinitions.label,
      type: customAttributeDefinitions.type,
      options: customAttributeDefinitions.options,
    })
    .from(customAttributeDefinitions)
    .where(eq(customAttributeDefinitions.companyId, companyId))
    .orderBy(asc(customAttributeDefinitions.createdAt), asc(customAttributeDefinitions.key));
}

/**
 * Keeps an uploaded file and what the mapping screen needs: its columns with samples, the
 * row count, the kind of rows it seems to hold and a proposed mapping. Nothing is imported
 * until the mapping is confirmed.
 */
export async function createImport(
  { db, companyId, userId, role }: ActionContext,
  upload: { fileName: string; body: Buffer },
  { storage, maxBytes }: { storage: FileStorage; maxBytes: number },
) {
  throwIfNoPermission(role, "importCustomers");
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
  const [created] = await db
    .insert(imports)
    .values({ id, companyId, userId, kind, fileName: checked.data.fileName, storageKey, sizeBytes: upload.body.length, status: "mapping", hasHeader: file.hasHeader ? "yes" : "no", columns, mapping, totalRows: file.rows.length })
    .returning({ id: imports.id, totalRows: imports.totalRows });
  return created!;
}
