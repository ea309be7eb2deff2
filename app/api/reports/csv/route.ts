import { z } from "zod";
import { SafeError } from "@/lib/actions/errors";
import { getSessionContext } from "@/lib/auth/session";
import { loadReport, REPORT_TABLES, reportCsv, reportCsvFileName } from "@/lib/reports/report";

export const dynamic = "force-dynamic";

const querySchema = z.object({ table: z.enum(REPORT_TABLES) }).loose();

/** One table of the reports dashboard as CSV, for the range in the query (same params as /reports). */
export async function GET(request: Request) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) return Response.json({ error: "errors.invalidInput" }, { status: 400 });
  try {
    const report = await loadReport(session, query);
    return new Response(reportCsv(report, parsed.data.table, session.user.language), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${reportCsvFileName(report.range, parsed.data.table)}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof SafeError) return Response.json({ error: error.message }, { status: error.message === "errors.forbidden" ? 403 : 404 });
    throw error;
  }
}
