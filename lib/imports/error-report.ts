import { findImport, listImportErrors } from "@/db/queries/imports";
import { csvDocument } from "@/lib/http/csv";
import type { ActionContext } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { throwIfNoPermission } from "@/lib/auth/permissions";
import type { Locale } from "@/db/schema";
import { translatorFor } from "@/lib/i18n/translator";
import { importIdSchema } from "./validation";

type ErrorLine = { row: number; column: string; value: string; reason: string; values: Record<string, string> };

/** The downloadable error report (row, column, value, reason) in the reader's language; Excel opens it as UTF-8. */
export function errorReportCsv(errors: ErrorLine[], locale: Locale): string {
  const t = translatorFor(locale);
  const reason = (error: ErrorLine) => {
    const key = error.reason as Parameters<typeof t>[0];
    return t.has(key) ? t(key, { value: error.value, attribute: error.column, ...error.values }) : error.reason;
  };
  const header = [t("imports.report.row"), t("imports.report.column"), t("imports.report.value"), t("imports.report.reason")];
  // Cells from the uploaded file could hold spreadsheet formulas; they are neutralised.
  return csvDocument([header, ...errors.map((error) => [String(error.row), error.column, error.value, reason(error)])]);
}

/**
 * The report of one of the signed-in company's imports, or a NotFoundError for any other
 * id (another company's import looks exactly like a missing one).
 */
export async function importErrorReport({ db, companyId, role, permissions }: ActionContext, rawImportId: unknown, locale: Locale) {
  throwIfNoPermission({ role, permissions }, "importCustomers");
  const parsed = importIdSchema.safeParse({ importId: rawImportId });
  if (!parsed.success) throw new NotFoundError();
  const found = await findImport(db, { companyId, importId: parsed.data.importId });
  if (!found) throw new NotFoundError();
  const errors = await listImportErrors(db, { companyId, importId: found.id });
  return { fileName: `${found.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_")}-errors.csv`, csv: errorReportCsv(errors, locale) };
}
