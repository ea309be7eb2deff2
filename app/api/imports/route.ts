import { getSessionContext } from "@/lib/auth/session";
import { SafeError } from "@/lib/actions/errors";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { defaultStorage } from "@/lib/files/storage";
import { createImport, UploadRejected } from "@/lib/imports/imports";

export const dynamic = "force-dynamic";

/** Uploads a CSV or Excel file of customers (multipart field "file") and answers the new import's id. */
export async function POST(request: Request) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  if (!can(session, "importCustomers")) return Response.json({ error: "errors.forbidden" }, { status: 403 });
  const maxBytes = env().MAX_UPLOAD_MB * 1024 * 1024;
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + 64 * 1024) {
    return Response.json({ error: "imports.fileTooLarge", values: { max: env().MAX_UPLOAD_MB } }, { status: 413 });
  }
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return Response.json({ error: "imports.fileUnreadable" }, { status: 400 });
  }
  if (!(file instanceof File)) return Response.json({ error: "imports.fileMissing", fieldErrors: { file: ["imports.fileMissing"] } }, { status: 400 });
  try {
    const created = await createImport(session, { fileName: file.name, body: Buffer.from(await file.arrayBuffer()) }, { storage: defaultStorage(), maxBytes });
    return Response.json({ id: created.id, totalRows: created.totalRows });
  } catch (error) {
    if (error instanceof UploadRejected) return Response.json({ error: error.message, values: error.values, fieldErrors: error.fieldErrors }, { status: 422 });
    if (error instanceof SafeError) return Response.json({ error: error.message, values: error.values }, { status: error.message === "errors.forbidden" ? 403 : 422 });
    throw error;
  }
}
