import { SafeError } from "@/lib/actions/errors";
import { getSessionContext } from "@/lib/auth/session";
import { importErrorReport } from "@/lib/imports/error-report";

export const dynamic = "force-dynamic";

/** The error report of one of the company's imports, as CSV; another company's import is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  try {
    const report = await importErrorReport(session, (await params).id, session.user.language);
    return new Response(report.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${report.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof SafeError) return Response.json({ error: error.message }, { status: error.message === "errors.forbidden" ? 403 : 404 });
    throw error;
  }
}
