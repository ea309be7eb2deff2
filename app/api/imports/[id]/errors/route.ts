import { z } from "zod";
import { findImport, listImportErrors } from "@/db/queries/imports";
import { getSessionContext } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { errorReportCsv } from "@/lib/imports/error-report";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.uuid({ message: "errors.notFound" }) });

/** The error report of one of the company's imports, as CSV; another company's import is a 404. */
export async function GET(_request: Request, { params: raw }: { params: Promise<{ id: string }> }) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  if (!can(session.role, "importCustomers")) return Response.json({ error: "errors.forbidden" }, { status: 403 });
  const parsed = params.safeParse(await raw);
  if (!parsed.success) return Response.json({ error: "errors.notFound" }, { status: 404 });
  const found = await findImport(session.db, { companyId: session.companyId, importId: parsed.data.id });
  if (!found) return Response.json({ error: "errors.notFound" }, { status: 404 });
  const errors = await listImportErrors(session.db, { companyId: session.companyId, importId: found.id });
  const name = found.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_");
  return new Response(errorReportCsv(errors, session.user.language), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-errors.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
