import type { Db } from "@/db/client";
import { findImport } from "@/db/queries/imports";
import type { ImportKind, ImportMapping } from "@/db/schema";
import { defaultStorage } from "@/lib/files/storage";
import { startImport } from "@/lib/imports/actions";
import { createImport } from "@/lib/imports/imports";
import { importDrainSettled } from "@/lib/imports/queue";
import { contextFor, createCompany, createUser } from "./factories";

export const MAX_IMPORT_BYTES = 1024 * 1024;
type Context = ReturnType<typeof contextFor>;

export async function adminOfNewCompany(db: Db, values: Parameters<typeof createCompany>[1] = {}) {
  const company = await createCompany(db, values);
  const admin = await createUser(db, company.id, { role: "admin" });
  return { company, admin, context: contextFor(db, admin, company.id) };
}

export async function uploadCsv(context: Context, csv: string, fileName = "clients.csv") {
  return createImport(context, { fileName, body: Buffer.from(csv) }, { storage: defaultStorage(), maxBytes: MAX_IMPORT_BYTES });
}

/** Uploads, confirms the proposed kind and mapping (or the given ones) and waits for the background run. */
export async function importCsv(context: Context, csv: string, { kind, mapping }: { kind?: ImportKind; mapping?: ImportMapping } = {}) {
  const { id } = await uploadCsv(context, csv);
  const job = (await findImport(context.db, { companyId: context.companyId, importId: id }))!;
  const started = await startImport.run(context, { importId: id, kind: kind ?? job.kind, mapping: mapping ?? job.mapping });
  expect(started).toMatchObject({ ok: true });
  await importDrainSettled();
  return (await findImport(context.db, { companyId: context.companyId, importId: id }))!;
}
