import { z } from "zod";
import { devToolAccess } from "@/lib/auth/dev-tool-access";
import { getSessionContext } from "@/lib/auth/session";
import { outboxAttachment } from "@/lib/email/mailer";
import { env } from "@/lib/env";
import { fileResponse } from "@/lib/files/serve";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(50) });

/** A file attached to an outbox email (a PDF export…): the same access as the outbox page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const session = await getSessionContext();
  if (devToolAccess("outbox", { enabled: env().devTools, member: session ?? null }) !== "open") return new Response("Not found", { status: 404 });
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const file = await outboxAttachment(session!.db, { emailId: parsed.data.id, index: parsed.data.index });
  if (!file) return new Response("Not found", { status: 404 });
  return fileResponse(file, { download: new URL(request.url).searchParams.has("download") });
}
