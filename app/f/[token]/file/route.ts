import { getDb } from "@/db/client";
import { findAttachmentByToken } from "@/db/queries/files";
import { fileResponse } from "@/lib/files/serve";

export const dynamic = "force-dynamic";

/** The file behind a link texted to a customer: reachable only with its unguessable token. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const row = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await findAttachmentByToken(await getDb(), { token }) : undefined;
  if (!row?.messageId) return new Response("Not found", { status: 404 });
  return fileResponse(row, { download: new URL(request.url).searchParams.has("download") });
}
