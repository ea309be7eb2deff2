import { z } from "zod";
import { getSessionContext } from "@/lib/auth/session";
import { findAttachment } from "@/db/queries/files";
import { fileResponse } from "@/lib/files/serve";

export const dynamic = "force-dynamic";

/** A file of the signed-in user's company (thumbnails, downloads). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return new Response("Not found", { status: 404 });
  const row = await findAttachment(session.db, { companyId: session.companyId, attachmentId: id });
  if (!row) return new Response("Not found", { status: 404 });
  return fileResponse(row, { download: new URL(request.url).searchParams.has("download") });
}
