import Papa from "papaparse";

/**
 * Cells a spreadsheet would run as a formula (=, @, +, -, tab, CR first) get a leading
 * quote; a phone number (+15145550100) or a signed number (-12.50) stays as it is, so the
 * file imports back unchanged.
 */
const FORMULA = /^[=@\t\r]|^[+-](?!\d[\d.,]*$)/;

/** Rows as a CSV file for spreadsheets: formulas neutralised, and a BOM so Excel reads UTF-8. */
export function csvDocument(rows: unknown[][]): string {
  return "\uFEFF" + Papa.unparse(rows, { escapeFormulae: FORMULA });
}
