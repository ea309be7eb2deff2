import { insertGroupMembers } from "@/db/queries/groups";
import "server-only";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import {
  advanceImport,
  claimImport,
  completeImport,
  failImport,
  importStatus,
  insertImportErrors,
  listStalledImports,
  releaseImport,
  type ImportRow,
} from "@/db/queries/imports";
import type { Locale } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import { defaultStorage, type FileStorage } from "@/lib/files/storage";
import { publish } from "@/lib/live/bus";
import { announceNotifications, recordNotifications } from "@/lib/notifications/notify";
import { parseImportFile, type ParsedFile } from "./parse";
import { importableAttributes } from "./imports";
import { KIND_CATEGORY } from "./mapping";
import { validateRecord, type AppointmentRecord, type ImportedRecord, type RecordContext, type RepairOrderRecord } from "./record-rows";
import { validateRow, type RowContext, type RowError } from "./rows";
import { upsertCustomers, type ValidRow } from "./upsert";
import { upsertAppointments, upsertRepairOrders, type RecordRow } from "./upsert-records";

export const BATCH_SIZE = 1000;

type Job = ImportRow;
export type RunOutcome = "done" | "more" | "busy";
export type RunOptions = { budgetMs?: number; storage?: FileStorage; batchSize?: number };

// A long import is worked on in several runs (steps, sweeps) of the same process: parse the file once.
let parsedCache: { key: string; file: ParsedFile } | undefined;

async function loadFile(job: Job, storage: FileStorage): Promise<ParsedFile> {
  if (parsedCache?.key === job.storageKey) return parsedCache.file;
  const body = await storage.get(job.storageKey);
  if (!body) throw new SafeError("imports.fileLost");
  const file = await parseImportFile(body, job.fileName);
  parsedCache = { key: job.storageKey, file };
  return file;
}

/** Where an import stands, as the page and the live event show it. */
export function importProgress(job: Job) {
  return {
    importId: job.id,
    status: job.status,
    total: job.totalRows,
    processed: job.processedRows,
    created: job.createdRows,
    updated: job.updatedRows,
    errors: job.errorRows,
  };
}

const progressEvent = (job: Job) => ({ type: "import.progress" as const, ...importProgress(job) });

/** Moves the offset forward with the batch's counts, only if nobody else moved it meanwhile. */
async function recordBatch(tx: Db, job: Job, counts: { rows: number; created: number; updated: number }, errors: RowError[]) {
  await insertImportErrors(
    tx,
    errors.map((error) => ({ companyId: job.companyId, importId: job.id, row: error.row, column: error.column, value: error.value.slice(0, 500), reason: error.reason, values: error.values ?? {} })),
  );
  const next = await advanceImport(tx, {
    companyId: job.companyId,
    importId: job.id,
    fromRow: job.processedRows,
    counts: { ...counts, errorRows: new Set(errors.map((error) => error.row)).size },
  });
  if (!next) throw new Error("import moved on by another runner");
  return next;
}

type BatchContext = { customer: RowContext; record: RecordContext | null; defaultLanguage: Locale };
type ValidLine = ValidRow & { record: ImportedRecord | null };

/** Upserts the rows' customers, then the appointment or repair order each row carries; the counts are of what the file is about. */
async function upsertLines(tx: Db, job: Job, defaultLanguage: Locale, batch: ValidLine[]) {
  const { companyId } = job;
  const customers = await upsertCustomers(tx, { companyId, defaultLanguage, rows: batch });
  // The import's group: each customer of the file, new or updated, joins it once.
  if (job.groupId)
    await insertGroupMembers(tx, { companyId, groupId: job.groupId, customerIds: [...new Set(customers.customerIds.values())], source: "import", userId: job.userId });
  const records = batch.flatMap(({ line, record }) => (record ? [{ line, customerId: customers.customerIds.get(line)!, record }] : []));
  if (!records.length) return { created: customers.created, updated: customers.updated };
  return records[0]!.record.kind === "appointments"
    ? upsertAppointments(tx, { companyId, rows: records as RecordRow<AppointmentRecord>[] })
    : upsertRepairOrders(tx, { companyId, rows: records as RecordRow<RepairOrderRecord>[] });
}

async function processBatch(db: Db, job: Job, rows: ParsedFile["rows"], context: BatchContext): Promise<Job> {
  const valid: ValidLine[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const customer = validateRow(row.line, row.cells, context.customer);
    const record = context.record ? validateRecord(row.line, row.cells, context.record) : { record: null, errors: [] };
    if (customer.fields && (!context.record || record.record)) valid.push({ line: row.line, fields: customer.fields, record: record.record });
    else errors.push(...customer.errors, ...record.errors);
  }
  const upsert = (tx: Db, batch: ValidLine[]) => upsertLines(tx, job, context.defaultLanguage, batch);
  try {
    return await db.transaction(async (tx) => {
      const counts = await upsert(tx, valid);
      return recordBatch(tx, job, { rows: rows.length, ...counts }, errors);
    });
  } catch (error) {
    if (String(error).includes("moved on by another runner")) throw error;
    // One bad row (a number taken meanwhile, a clash inside the batch) must not sink the others.
    const counts = { rows: rows.length, created: 0, updated: 0 };
    for (const row of valid) {
      try {
        const result = await db.transaction((tx) => upsert(tx, [row]));
        counts.created += result.created;
        counts.updated += result.updated;
      } catch (rowError) {
        console.error("[imports] row failed", row.line, rowError);
        errors.push({ row: row.line, column: "", value: "", reason: "imports.reasons.failed" });
      }
    }
    return db.transaction((tx) => recordBatch(tx, job, counts, errors.sort((a, b) => a.row - b.row)));
  }
}

async function finish(db: Db, job: Job): Promise<Job> {
  const { job: done, recipients } = await db.transaction(async (tx) => {
    const completed = await completeImport(tx, { companyId: job.companyId, importId: job.id });
    if (!completed) return { job, recipients: [] };
    const recipients = completed.userId
      ? await recordNotifications(tx, {
          companyId: job.companyId,
          userIds: [completed.userId],
          kind: completed.errorRows > 0 ? "import.errors" : "import.completed",
          data: { importId: job.id, fileName: job.fileName, count: completed.errorRows > 0 ? completed.errorRows : completed.createdRows + completed.updatedRows, created: completed.createdRows, updated: completed.updatedRows, errors: completed.errorRows },
          link: `/customers/import/${job.id}`,
        })
      : [];
    return { job: completed, recipients };
  });
  announceNotifications(job.companyId, recipients);
  return done;
}

async function fail(db: Db, job: Job, reason: string) {
  const failed = await failImport(db, { companyId: job.companyId, importId: job.id, reason });
  if (failed) publish(job.companyId, progressEvent(failed));
}

/**
 * Works on one import for up to `budgetMs`, batch after batch, each batch committed with
 * the offset it reached, so a crash or a second runner never imports a row twice. "more"
 * means call again; "busy" that another runner holds it; "done" that it is finished.
 */
export async function runImport(db: Db, importId: string, { budgetMs = 20_000, storage = defaultStorage(), batchSize = BATCH_SIZE }: RunOptions = {}): Promise<RunOutcome> {
  const started = Date.now();
  let job = await claimImport(db, { importId });
  if (!job) {
    const status = await importStatus(db, { importId });
    return !status || status === "completed" || status === "failed" ? "done" : "busy";
  }
  let file: ParsedFile;
  try {
    file = await loadFile(job, storage);
  } catch (error) {
    await fail(db, job, error instanceof SafeError ? error.message : "imports.fileUnreadable");
    return "done";
  }
  const company = await findCompany(db, { companyId: job.companyId });
  const attributes = await importableAttributes(db, job.companyId);
  const inCategory = (category: string | null) => attributes.filter((attribute) => attribute.category === category);
  const mapping = job.mapping ?? [];
  const context: BatchContext = {
    customer: { headers: file.headers, mapping, attributes: inCategory("customer"), countryCode: company!.countryCode },
    record:
      job.kind === "customers"
        ? null
        : { kind: job.kind, headers: file.headers, mapping, recordAttributes: inCategory(KIND_CATEGORY[job.kind]), timeZone: company!.timezone, locale: company!.locale },
    defaultLanguage: company!.locale,
  };
  publish(job.companyId, progressEvent(job));
  while (job.processedRows < file.rows.length) {
    job = await processBatch(db, job, file.rows.slice(job.processedRows, job.processedRows + batchSize), context);
    publish(job.companyId, progressEvent(job));
    if (job.processedRows < file.rows.length && Date.now() - started >= budgetMs) {
      await releaseImport(db, { companyId: job.companyId, importId: job.id });
      return "more";
    }
  }
  job = await finish(db, job);
  publish(job.companyId, progressEvent(job));
  return "done";
}

/**
 * The sweep: imports queued a while ago that nothing picked up (the event or the in-process
 * run gets the first go), or whose runner stopped, moved forward a while each.
 */
export async function processPendingImports(db: Db, { budgetMs = 10_000, storage }: RunOptions = {}) {
  const due = await listStalledImports(db);
  const outcomes: Record<string, number> = {};
  for (const { id } of due) {
    const outcome = await runImport(db, id, { budgetMs, storage });
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return { imports: due.length, ...outcomes };
}

