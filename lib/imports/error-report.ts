import Papa from "papaparse";
import type { Locale } from "@/db/schema";
import { translatorFor } from "@/lib/i18n/translator";

type ErrorLine = { row: number; column: string; value: string; reason: string; values: Record<string, string> };

/** The downloadable error report (row, column, value, reason) in the reader's language; Excel opens it as UTF-8. */
export function errorReportCsv(errors: ErrorLine[], locale: Locale): string {
  const t = translatorFor(locale);
  const reason = (error: ErrorLine) => {
    const key = error.reason as Parameters<typeof t>[0];
    return t.has(key) ? t(key, { value: error.value, attribute: error.column, ...error.values }) : error.reason;
  };
  const header = [t("imports.report.row"), t("imports.report.column"), t("imports.report.value"), t("imports.report.reason")];
  return "\uFEFF" + Papa.unparse([header, ...errors.map((error) => [String(error.row), error.column, error.value, reason(error)])]);
}
