import type ExcelJS from "exceljs";
import Papa from "papaparse";
import { SafeError } from "@/lib/actions/errors";

export type ParsedRow = { line: number; cells: string[] };
export type ParsedFile = { headers: string[]; hasHeader: boolean; rows: ParsedRow[] };
export type ImportFileType = "csv" | "xlsx";

export const MAX_IMPORT_ROWS = 200_000;
const MAX_COLUMNS = 100;

/** The parser a file name calls for, or null when we cannot read that kind of file. */
export function importFileType(fileName: string): ImportFileType | null {
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "csv" || extension === "txt" || extension === "tsv") return "csv";
  if (extension === "xlsx") return "xlsx";
  return null;
}

/** Reads a CSV or Excel file into text cells; the first row is kept as headers when it looks like them. */
export async function parseImportFile(body: Buffer, fileName: string): Promise<ParsedFile> {
  const type = importFileType(fileName);
  if (!type) throw new SafeError("imports.fileType");
  const table = type === "csv" ? parseCsv(body) : await parseXlsx(body);
  const rows = table.filter((row) => row.cells.some((cell) => cell !== ""));
  if (rows.length === 0) throw new SafeError("imports.fileEmpty");
  const width = Math.min(MAX_COLUMNS, Math.max(...rows.map((row) => row.cells.length)));
  for (const row of rows) row.cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? "");
  const hasHeader = looksLikeHeader(rows[0]!.cells);
  const headers = hasHeader ? rows[0]!.cells.map((cell, i) => cell || columnLetter(i)) : rows[0]!.cells.map((_, i) => columnLetter(i));
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0) throw new SafeError("imports.fileEmpty");
  if (data.length > MAX_IMPORT_ROWS) throw new SafeError("imports.tooManyRows", { max: MAX_IMPORT_ROWS.toLocaleString("en").replace(/,/g, " ") });
  return { headers, hasHeader, rows: data };
}

function decodeText(body: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body).replace(/^\uFEFF/, "");
  } catch {
    // French Excel saves "CSV" in Windows-1252 unless told otherwise.
    return new TextDecoder("windows-1252").decode(body);
  }
}

function parseCsv(body: Buffer): ParsedRow[] {
  const result = Papa.parse<string[]>(decodeText(body), { skipEmptyLines: false });
  if (result.data.length === 0 && result.errors.length) throw new SafeError("imports.fileUnreadable");
  return result.data.map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => String(cell ?? "").trim()) }));
}

async function parseXlsx(body: Buffer): Promise<ParsedRow[]> {
  // Loaded on demand: exceljs is heavy, and most imports are CSV.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new SafeError("imports.fileUnreadable");
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new SafeError("imports.fileEmpty");
  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ line: row.number, cells: Array.from(cells, (cell) => cell ?? "") });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "true" : "false";
  if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  return "";
}

/**
 * Excel stores the wall-clock date and time it shows, which ExcelJS hands over as that
 * moment in UTC; a time alone sits on Excel's day zero.
 */
function excelDateText(value: Date): string {
  const iso = value.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  if (date === "1899-12-30") return time;
  return time === "00:00" ? date : `${date} ${time}`;
}

/** A header row holds labels; a data row holds a phone number, an email, a number or a date somewhere. */
function looksLikeHeader(cells: string[]): boolean {
  return cells.some((cell) => cell !== "") && !cells.some((cell) => /@|^\+?[\d\s().-]{6,}$|^\d{4}-\d{2}-\d{2}$/.test(cell));
}

export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
