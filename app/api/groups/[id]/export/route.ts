import { SafeError } from "@/lib/actions/errors";
import { getSessionContext } from "@/lib/auth/session";
import { exportGroupCsv } from "@/lib/groups/export";

export const dynamic = "force-dynamic";

/** A group's customers as CSV (IMPL-1); another company's group is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  try {
    const { csv, fileName } = await exportGroupCsv(session, (await params).id, session.user.language);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof SafeError) return Response.json({ error: error.message }, { status: error.message === "errors.forbidden" ? 403 : 404 });
    throw error;
  }
}
