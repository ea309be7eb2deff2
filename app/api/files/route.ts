import { getSessionContext } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/actions/errors";
import { storeUpload, uploadedFile } from "@/lib/files/files";
import { defaultStorage } from "@/lib/files/storage";

export const dynamic = "force-dynamic";

/** Uploads one file (multipart field "file") for a message or note about to be written. */
export async function POST(request: Request) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  const maxBytes = env().MAX_UPLOAD_MB * 1024 * 1024;
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + 64 * 1024) {
    return Response.json({ error: "files.tooLarge", values: { max: env().MAX_UPLOAD_MB } }, { status: 413 });
  }
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return Response.json({ error: "files.unreadable" }, { status: 400 });
  }
  if (!(file instanceof File)) return Response.json({ error: "files.missing" }, { status: 400 });
  try {
    const stored = await storeUpload(
      session.db,
      { companyId: session.companyId, userId: session.userId, fileName: file.name, declaredType: file.type, body: Buffer.from(await file.arrayBuffer()) },
      { storage: defaultStorage(), maxBytes },
    );
    return Response.json(uploadedFile(stored));
  } catch (error) {
    if (error instanceof SafeError) return Response.json({ error: error.message, values: error.values }, { status: 422 });
    throw error;
  }
}
