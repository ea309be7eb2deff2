import { customerGroups } from "./groups";
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./_columns";
import { companyRef } from "./companies";
import { users } from "./users";

/** What the rows of a file are: customers, or customers with an appointment or a repair order each. */
export type ImportKind = "customers" | "appointments" | "repair_orders";
export type ImportStatus = "mapping" | "pending" | "running" | "completed" | "failed";
/** A column of the uploaded file as the mapping screen shows it. */
export type ImportColumn = { header: string; samples: string[] };
/** Per column of the file: the customer field it fills ("attribute:<key>" for custom ones), or null to skip it. */
export type ImportMapping = (string | null)[];

/**
 * An import of customers, appointments or repair orders (CSV or Excel). The row is the source of truth: `processedRows` is the
 * offset the next batch starts from, so a run that stops midway resumes where it was.
 */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    companyId: companyRef(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    kind: text().$type<ImportKind>().notNull().default("customers"),
    fileName: text().notNull(),
    storageKey: text().notNull(),
    sizeBytes: integer().notNull().default(0),
    status: text().$type<ImportStatus>().notNull().default("mapping"),
    hasHeader: text().$type<"yes" | "no">().notNull().default("yes"),
    columns: jsonb().$type<ImportColumn[]>().notNull().default([]),
    mapping: jsonb().$type<ImportMapping>(),
    /** A static group every imported customer joins (IMPL-1); null: none. */
    groupId: uuid().references(() => customerGroups.id, { onDelete: "set null" }),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    createdRows: integer().notNull().default(0),
    updatedRows: integer().notNull().default(0),
    errorRows: integer().notNull().default(0),
    /** Set while a runner works on it; a claim older than a few minutes is taken over. */
    claimedAt: at(),
    failureReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: at(),
    finishedAt: at(),
  },
  (t) => [index("imports_company_idx").on(t.companyId, t.createdAt), index("imports_active_idx").on(t.status, t.claimedAt)],
);

/** One line of the downloadable error report: the row of the file, its column and why. */
export const importErrors = pgTable(
  "import_errors",
  {
    id: id(),
    companyId: companyRef(),
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    row: integer().notNull(),
    column: text().notNull(),
    value: text().notNull().default(""),
    /** An i18n key (imports.reasons.*), translated when the report is downloaded. */
    reason: text().notNull(),
    values: jsonb().$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [index("import_errors_import_idx").on(t.importId, t.row)],
);
