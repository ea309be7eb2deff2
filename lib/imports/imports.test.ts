import { eq } from "drizzle-orm";
import { listRecentImports, findImport } from "@/db/queries/imports";
import { customAttributeDefinitions, customers, imports, notifications } from "@/db/schema";
import { defaultStorage } from "@/lib/files/storage";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCustomer, createUser } from "@/tests/factories";
import { adminOfNewCompany, importCsv, MAX_IMPORT_BYTES as MAX, uploadCsv as upload } from "@/tests/imports";
import { startImport } from "./actions";
import { importErrorReport } from "./error-report";
import { createImport } from "./imports";
import { processPendingImports, runImport } from "./run";

const database = withTestDatabase();

const live = (companyId: string) => database.db.select().from(customers).where(eq(customers.companyId, companyId));

describe("importing customers", () => {
  it("creates new customers and updates the one holding the same mobile, in any format", async () => {
    const { company, context } = await adminOfNewCompany(database.db);
    const existing = await createCustomer(database.db, company.id, { firstName: "Old", lastName: "Name", mobile: "+14385550100", language: "fr" });
    const job = await importCsv(context, "First name,Last name,Mobile,Email,Language\nJulie,Tremblay,(438) 555-0100,julie@example.com,en\nMarc,Roy,514.555.0177,,\n");
    expect(job).toMatchObject({ status: "completed", totalRows: 2, processedRows: 2, createdRows: 1, updatedRows: 1, errorRows: 0 });
    const rows = await live(company.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.id === existing.id)).toMatchObject({ firstName: "Julie", lastName: "Tremblay", email: "julie@example.com", language: "en", mobile: "+14385550100" });
    const created = rows.find((row) => row.id !== existing.id)!;
    expect(created).toMatchObject({ firstName: "Marc", lastName: "Roy", mobile: "+15145550177", email: null, language: company.locale, subscribedGeneral: true });
    expect(created.searchText).toContain("5145550177");
  });

  it("keeps what an empty cell leaves out, and imports a file twice without duplicating anyone", async () => {
    const { company, context } = await adminOfNewCompany(database.db);
    await importCsv(context, "First name,Mobile,Email\nJulie,5145550101,julie@example.com\n");
    const again = await importCsv(context, "First name,Mobile,Email\nJulia,5145550101,\n");
    expect(again).toMatchObject({ createdRows: 0, updatedRows: 1 });
    expect(await live(company.id)).toMatchObject([{ firstName: "Julia", email: "julie@example.com" }]);
  });

  it("updates the customer with the same external id, merging the profile that held the file's mobile", async () => {
    const { company, context } = await adminOfNewCompany(database.db);
    const known = await createCustomer(database.db, company.id, { firstName: "Julie", externalId: "DMS-1", mobile: "+15145550111", attributes: { color: "red" } });
    const holder = await createCustomer(database.db, company.id, { firstName: "J.", lastName: "Tremblay", mobile: "+15145550122", email: "old@example.com" });
    const noPhone = await createCustomer(database.db, company.id, { firstName: "Paul", externalId: "DMS-2", mobile: null });
    const job = await importCsv(context, "External ID,Mobile,First name\nDMS-1,514 555 0122,Julie\nDMS-2,514 555 0133,Paul\n");
    expect(job).toMatchObject({ createdRows: 0, updatedRows: 2, errorRows: 0 });
    const rows = await live(company.id);
    expect(rows.find((row) => row.id === known.id)).toMatchObject({ mobile: "+15145550122", email: "old@example.com", mergedIntoId: null, attributes: { color: "red" } });
    expect(rows.find((row) => row.id === holder.id)).toMatchObject({ mergedIntoId: known.id, mobile: null });
    expect(rows.find((row) => row.id === noPhone.id)).toMatchObject({ mobile: "+15145550133" });
  });

  it("reports invalid rows with their row number and reason, and imports the others", async () => {
    const { company, admin, context } = await adminOfNewCompany(database.db);
    await database.db.insert(customAttributeDefinitions).values({ companyId: company.id, category: "customer", key: "mileage", label: "Mileage", type: "number" });
    const csv = [
      "Name,Mobile,Email,Mileage",
      "Julie Tremblay,5145550101,julie@example.com,12000",
      "Bad Phone,555,,",
      "Bad Email,5145550103,nope,",
      "Bad Number,5145550104,,a lot",
      "No Key,,,",
      "Marc Roy,5145550106,,",
    ].join("\n");
    const job = await importCsv(context, csv);
    expect(job).toMatchObject({ status: "completed", totalRows: 6, createdRows: 2, updatedRows: 0, errorRows: 4 });
    expect((await live(company.id)).map((row) => row.firstName).sort()).toEqual(["Julie", "Marc"]);
    expect((await live(company.id)).find((row) => row.firstName === "Julie")!.attributes).toEqual({ mileage: 12000 });

    const report = await importErrorReport(context, job.id, "en");
    expect(report.fileName).toBe("clients-errors.csv");
    const lines = report.csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines).toEqual([
      "Row,Column,Value,Reason",
      "3,Mobile,555,“555” is not a valid mobile number.",
      "4,Email,nope,Enter a valid email address.",
      "5,Mileage,a lot,Mileage: enter a whole number.",
      "6,,,No valid mobile number or external ID to match the customer.",
    ]);
    expect((await importErrorReport(context, job.id, "fr")).csv).toContain("Ligne,Colonne,Valeur,Raison");

    const [notification] = await database.db.select().from(notifications).where(eq(notifications.userId, admin.id));
    expect(notification).toMatchObject({ kind: "import.errors", link: `/customers/import/${job.id}`, data: { count: 4, created: 2, errors: 4 } });
  });

  it("never resubscribes a number that texted STOP", async () => {
    const { company, admin, context } = await adminOfNewCompany(database.db);
    const stoppedAt = new Date("2026-01-02T03:04:05Z");
    const stopped = await createCustomer(database.db, company.id, { mobile: "+15145550150", optedOutAt: stoppedAt, subscribedGeneral: false, subscribedMarketing: false });
    const job = await importCsv(context, "First name,Mobile\nRenée,514-555-0150\n");
    expect(job).toMatchObject({ updatedRows: 1, errorRows: 0 });
    const [after] = await database.db.select().from(customers).where(eq(customers.id, stopped.id));
    expect(after).toMatchObject({ firstName: "Renée", optedOutAt: stoppedAt, subscribedGeneral: false, subscribedMarketing: false });
    const [notification] = await database.db.select().from(notifications).where(eq(notifications.userId, admin.id));
    expect(notification).toMatchObject({ kind: "import.completed", data: { count: 1 } });
  });

  it("resumes from the stored offset when a run stops between batches", async () => {
    const { company, context } = await adminOfNewCompany(database.db);
    const rows = Array.from({ length: 5 }, (_, i) => `Client${i},51455502${String(i).padStart(2, "0")}`);
    const { id } = await upload(context, ["First name,Mobile", ...rows].join("\n"));
    await database.db.update(imports).set({ status: "pending", mapping: ["firstName", "mobile"] }).where(eq(imports.id, id));
    expect(await runImport(database.db, id, { batchSize: 2, budgetMs: 0 })).toBe("more");
    expect(await findImport(database.db, { companyId: company.id, importId: id })).toMatchObject({ status: "running", processedRows: 2, claimedAt: null });
    expect(await processPendingImports(database.db)).toMatchObject({ imports: 1, done: 1 });
    expect(await runImport(database.db, id)).toBe("done");
    expect(await findImport(database.db, { companyId: company.id, importId: id })).toMatchObject({ status: "completed", processedRows: 5, createdRows: 5 });
    expect(await live(company.id)).toHaveLength(5);
  });

  it("fails an import whose file is gone, with the reason", async () => {
    const { company, context } = await adminOfNewCompany(database.db);
    const { id } = await upload(context, "Mobile\n5145550101\n");
    const job = (await findImport(database.db, { companyId: company.id, importId: id }))!;
    await defaultStorage().delete(job.storageKey);
    await database.db.update(imports).set({ status: "pending", mapping: ["mobile"], storageKey: `${job.storageKey}.gone` }).where(eq(imports.id, id));
    expect(await runImport(database.db, id)).toBe("done");
    expect(await findImport(database.db, { companyId: company.id, importId: id })).toMatchObject({ status: "failed", failureReason: "imports.fileLost" });
  });
});

describe("what is refused", () => {
  it("refuses files of another kind, too large or empty, naming the problem", async () => {
    const { context } = await adminOfNewCompany(database.db);
    await expect(upload(context, "x", "clients.pdf")).rejects.toMatchObject({ message: "imports.fileType", fieldErrors: { fileName: ["imports.fileType"] } });
    await expect(createImport(context, { fileName: "big.csv", body: Buffer.alloc(MAX + 1, 65) }, { storage: defaultStorage(), maxBytes: MAX })).rejects.toMatchObject({ message: "imports.fileTooLarge", values: { max: 1 } });
    await expect(upload(context, "Mobile\n")).rejects.toThrow("imports.fileEmpty");
  });

  it("checks the mapping: each field once, a key to match customers, known attributes", async () => {
    const { context } = await adminOfNewCompany(database.db);
    const { id } = await upload(context, "First name,Mobile\nJulie,5145550101\n");
    expect(await startImport.run(context, { importId: id, mapping: ["mobile", "mobile"] })).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingDuplicate"] } });
    expect(await startImport.run(context, { importId: id, mapping: ["firstName", ""] })).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingNeedsKey"] } });
    expect(await startImport.run(context, { importId: id, mapping: ["password", "mobile"] })).toMatchObject({ ok: false, fieldErrors: { "mapping.0": ["imports.fieldUnknown"] } });
    expect(await startImport.run(context, { importId: id, mapping: ["attribute:nope", "mobile"] })).toEqual({ ok: false, error: "imports.fieldUnknown" });
    expect(await startImport.run(context, { importId: id, mapping: ["mobile"] })).toEqual({ ok: false, error: "imports.mappingInvalid" });
    expect(await startImport.run(context, { importId: "nope", mapping: ["mobile", null] })).toMatchObject({ ok: false, fieldErrors: { importId: ["errors.notFound"] } });
  });

  it("does not let an agent upload or start an import, nor read a report", async () => {
    const { company, context } = await adminOfNewCompany(database.db);
    const agent = await createUser(database.db, company.id, { role: "agent" });
    const agentContext = contextFor(database.db, agent, company.id);
    await expect(upload(agentContext, "Mobile\n5145550101\n")).rejects.toThrow("errors.forbidden");
    const { id } = await upload(context, "Mobile\n5145550101\n");
    expect(await startImport.run(agentContext, { importId: id, mapping: ["mobile"] })).toEqual({ ok: false, error: "errors.forbidden" });
    await expect(importErrorReport(agentContext, id, "en")).rejects.toThrow("errors.forbidden");
    expect((await findImport(database.db, { companyId: company.id, importId: id }))!.status).toBe("mapping");
  });

  it("keeps each company's imports to itself", async () => {
    const a = await adminOfNewCompany(database.db);
    const b = await adminOfNewCompany(database.db);
    const jobB = await importCsv(b.context, "Mobile\n555\n5145550101\n");
    const { id: mappingB } = await upload(b.context, "Mobile\n5145550102\n");
    expect(await findImport(database.db, { companyId: a.company.id, importId: jobB.id })).toBeUndefined();
    expect(await listRecentImports(database.db, { companyId: a.company.id })).toEqual([]);
    expect((await listRecentImports(database.db, { companyId: b.company.id })).map((row) => row.id)).toEqual([mappingB, jobB.id]);
    await expect(importErrorReport(a.context, jobB.id, "en")).rejects.toThrow("errors.notFound");
    expect(await startImport.run(a.context, { importId: mappingB, mapping: ["mobile"] })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await live(a.company.id)).toEqual([]);
  });

  it("starts an import once", async () => {
    const { context } = await adminOfNewCompany(database.db);
    const job = await importCsv(context, "Mobile\n5145550101\n");
    expect(await startImport.run(context, { importId: job.id, mapping: ["mobile"] })).toEqual({ ok: false, error: "imports.alreadyStarted" });
  });
});
