import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { customAttributeDefinitions, imports } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/action";
import { fieldErrorsOf } from "@/lib/actions/action";
import { SafeError } from "@/lib/actions/errors";
import { throwIfNoPermission } from "@/lib/auth/permissions";
import type { FileStorage } from "@/lib/files/storage";
import { describeColumns, guessMapping } from "./mapping";
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

export async function customerAttributes(db: ActionContext["db"], companyId: string) {
  return db
    .select({ key: customAttributeDefinitions.key, label: customAttributeDefinitions.label, type: customAttributeDefinitions.type, options: customAttributeDefinitions.options })
    .from(customAttributeDefinitions)
    .where(and(eq(customAttributeDefinitions.companyId, companyId), eq(customAttributeDefinitions.category, "customer")));
}

/**
 * Keeps an uploaded file and what the mapping screen needs: its columns with samples, the
 * row count and a proposed mapping. Nothing is imported until the mapping is confirmed.
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
  const mapping = guessMapping(columns, await customerAttributes(db, companyId));
  const id = randomUUID();
  const storageKey = `imports/${companyId}/${id}/${checked.data.fileName.replace(/[^\w.-]+/g, "_")}`;
  await storage.put(storageKey, upload.body, checked.data.fileName.toLowerCase().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
  const [created] = await db
    .insert(imports)
    .values({ id, companyId, userId, fileName: checked.data.fileName, storageKey, sizeBytes: upload.body.length, status: "mapping", hasHeader: file.hasHeader ? "yes" : "no", columns, mapping, totalRows: file.rows.length })
    .returning({ id: imports.id, totalRows: imports.totalRows });
  return created!;
}
