import { z } from "zod";
import { getDb } from "@/db/client";
import { findReadyExportFile } from "@/db/queries/conversation-exports";
import { isValidDownload } from "@/lib/conversation-exports/download-link";
import { fileResponse } from "@/lib/files/serve";

export const dynamic = "force-dynamic";

const querySchema = z.object({ id: z.uuid(), expires: z.coerce.number().int(), signature: z.string().min(1).max(100) });

/** A large conversation export's PDF, by the signed link emailed to its requester. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const search = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ id: (await params).id, expires: search.get("expires"), signature: search.get("signature") });
  if (!parsed.success || !isValidDownload(parsed.data.id, parsed.data.expires, parsed.data.signature)) return new Response("Not found", { status: 404 });
  const file = await findReadyExportFile(await getDb(), { exportId: parsed.data.id });
  if (!file?.storageKey) return new Response("Not found", { status: 404 });
  return fileResponse({ storageKey: file.storageKey, fileName: "conversation.pdf", contentType: "application/pdf" }, { download: true });
}
