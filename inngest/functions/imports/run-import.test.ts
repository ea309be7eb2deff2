import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { findImport } from "@/db/queries/imports";
import { customers, imports } from "@/db/schema";
import { defaultStorage } from "@/lib/files/storage";
import { createImport } from "@/lib/imports/imports";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser } from "@/tests/factories";
import { sweepFunctions } from "../sweeps";
import { runCustomerImport } from "./run-import";

const database = withTestDatabase();

async function queuedImport(csv: string) {
  const company = await createCompany(database.db);
  const admin = await createUser(database.db, company.id, { role: "admin" });
  const { id } = await createImport(contextFor(database.db, admin, company.id), { fileName: "clients.csv", body: Buffer.from(csv) }, { storage: defaultStorage(), maxBytes: 1024 * 1024 });
  await database.db.update(imports).set({ status: "pending", mapping: ["firstName", "mobile"] }).where(eq(imports.id, id));
  return { company, id };
}

describe("run-customer-import", () => {
  it("imports the queued file against the database and completes it", async () => {
    const { company, id } = await queuedImport("First name,Mobile\nJulie,5145550101\nMarc,not a phone\n");
    const { result } = await new InngestTestEngine({ function: runCustomerImport, events: [{ name: "import/queued", data: { importId: id } }] }).execute();
    expect(result).toEqual({ outcome: "done", steps: 1 });
    expect(await findImport(database.db, { companyId: company.id, importId: id })).toMatchObject({ status: "completed", createdRows: 1, errorRows: 1 });
    expect(await database.db.select({ firstName: customers.firstName }).from(customers).where(eq(customers.companyId, company.id))).toEqual([{ firstName: "Julie" }]);
  });

  it("does nothing twice when the event comes again", async () => {
    const { company, id } = await queuedImport("First name,Mobile\nJulie,5145550101\n");
    const engine = new InngestTestEngine({ function: runCustomerImport, events: [{ name: "import/queued", data: { importId: id } }] });
    await engine.execute();
    const { result } = await engine.execute();
    expect(result).toEqual({ outcome: "done", steps: 1 });
    expect(await findImport(database.db, { companyId: company.id, importId: id })).toMatchObject({ createdRows: 1, updatedRows: 0, processedRows: 1 });
  });
});

describe("the resume-imports sweep", () => {
  it("picks up an import queued a while ago when no event arrived, and leaves a fresh one to its runner", async () => {
    const fresh = await queuedImport("First name,Mobile\nMarc,5145550102\n");
    const { company, id } = await queuedImport("First name,Mobile\nJulie,5145550101\n");
    await database.db.update(imports).set({ updatedAt: new Date(Date.now() - 60_000) }).where(eq(imports.id, id));
    const sweep = sweepFunctions.find((fn) => fn.id("parley").endsWith("resume-imports"))!;
    const { result } = await new InngestTestEngine({ function: sweep }).execute();
    expect(result).toMatchObject({ imports: 1, done: 1 });
    expect((await findImport(database.db, { companyId: company.id, importId: id }))!.status).toBe("completed");
    expect((await findImport(database.db, { companyId: fresh.company.id, importId: fresh.id }))!.status).toBe("pending");
  });
});
