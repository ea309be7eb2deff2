import { and, eq } from "drizzle-orm";
import { appointments, customAttributeDefinitions, customerEvents, customers } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCustomer } from "@/tests/factories";
import { adminOfNewCompany, importCsv, uploadCsv } from "@/tests/imports";
import { startImport } from "./actions";
import { importErrorReport } from "./error-report";

const database = withTestDatabase();

const appointmentsOf = (companyId: string) => database.db.select().from(appointments).where(eq(appointments.companyId, companyId)).orderBy(appointments.startAt);
const repairOrdersOf = (companyId: string) => database.db.select().from(customerEvents).where(eq(customerEvents.companyId, companyId)).orderBy(customerEvents.number);
const customerByMobile = async (companyId: string, mobile: string) =>
  (await database.db.select().from(customers).where(and(eq(customers.companyId, companyId), eq(customers.mobile, mobile))))[0];

async function reportLines(context: Parameters<typeof importErrorReport>[0], importId: string) {
  return (await importErrorReport(context, importId, "en")).csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1);
}

describe("importing appointments", () => {
  const csv = [
    "Cellulaire,Client,Date du rendez-vous,Heure,Durée,Type de rendez-vous,Statut,Conseiller",
    "514 555 0101,Julie Tremblay,2026-12-03,14h30,90,Entretien,confirmé,Marc",
    "514 555 0102,Marc Roy,04/12/2026,9:00,,Pneus,,",
  ].join("\n");

  it("reads dates and times in the company's time zone, creates the customers, and imports the same file again without duplicates", async () => {
    const { company, context } = await adminOfNewCompany(database.db, { timezone: "America/Vancouver", locale: "fr" });
    await database.db.insert(customAttributeDefinitions).values({ companyId: company.id, category: "appointment", key: "advisor", label: "Conseiller", type: "string" });
    const job = await importCsv(context, csv);
    expect(job).toMatchObject({ kind: "appointments", mapping: ["mobile", "fullName", "appointmentDate", "appointmentTime", "appointmentDuration", "appointmentType", "appointmentStatus", "appointment:advisor"] });
    expect(job).toMatchObject({ status: "completed", createdRows: 2, updatedRows: 0, errorRows: 0 });

    const julie = (await customerByMobile(company.id, "+15145550101"))!;
    expect(julie).toMatchObject({ firstName: "Julie", lastName: "Tremblay" });
    const imported = await appointmentsOf(company.id);
    expect(imported).toHaveLength(2);
    // 14:30 in Vancouver (UTC-8 in December); 04/12 is 4 December for a French company.
    expect(imported[0]).toMatchObject({ customerId: julie.id, startAt: new Date("2026-12-03T22:30:00Z"), durationMinutes: 90, type: "Entretien", status: "confirmed", attributes: { advisor: "Marc" } });
    expect(imported[1]).toMatchObject({ startAt: new Date("2026-12-04T17:00:00Z"), durationMinutes: 60, type: "Pneus", status: "scheduled", externalId: null });

    const again = await importCsv(context, csv.replace("confirmé", "annulé"));
    expect(again).toMatchObject({ createdRows: 0, updatedRows: 2, errorRows: 0 });
    const after = await appointmentsOf(company.id);
    expect(after.map((row) => row.id)).toEqual(imported.map((row) => row.id));
    expect(after[0]).toMatchObject({ status: "cancelled", durationMinutes: 90, attributes: { advisor: "Marc" } });
    expect(await database.db.select().from(customers).where(eq(customers.companyId, company.id))).toHaveLength(2);
  });

  it("matches by the appointment's external id when the file has one, so a moved appointment is updated", async () => {
    const { company, context } = await adminOfNewCompany(database.db, { timezone: "America/Toronto" });
    const header = "Mobile,Appointment ID,Date and time,Type";
    await importCsv(context, `${header}\n5145550111,A-1,2026-12-03 14:30,Oil change\n`);
    const moved = await importCsv(context, `${header}\n5145550111,A-1,2026-12-05 2:00 PM,Oil change and tires\n`);
    expect(moved).toMatchObject({ kind: "appointments", createdRows: 0, updatedRows: 1 });
    expect(await appointmentsOf(company.id)).toMatchObject([{ externalId: "A-1", startAt: new Date("2026-12-05T19:00:00Z"), type: "Oil change and tires" }]);
  });

  it("reports bad rows with their column and reason (an invalid phone, date, status or typed attribute) and imports the others", async () => {
    const { company, context } = await adminOfNewCompany(database.db, { timezone: "America/Toronto" });
    await database.db.insert(customAttributeDefinitions).values({ companyId: company.id, category: "appointment", key: "loaner", label: "Loaner", type: "collection", options: ["Yes", "No"] });
    const job = await importCsv(context, [
      "Mobile,Date,Time,Type,Status,Loaner",
      "555,2026-12-03,10:00,Service,,",
      "5145550122,2026-02-30,10:00,Service,,",
      "5145550123,2026-12-03,25:00,Service,,",
      "5145550124,2026-12-03,10:00,Service,maybe,",
      "5145550125,2026-12-03,10:00,Service,,Sometimes",
      "5145550126,2026-12-03,10:00,,,",
      "5145550127,2026-12-03,10:00,Service,no-show,Yes",
    ].join("\n"));
    expect(job).toMatchObject({ kind: "appointments", createdRows: 1, errorRows: 6 });
    expect(await reportLines(context, job.id)).toEqual([
      "2,Mobile,555,“555” is not a valid mobile number.",
      "3,Date,2026-02-30,Enter a valid date.",
      "4,Time,25:00,Enter a time like 09:30.",
      '5,Status,maybe,"“maybe” is not an appointment status (scheduled, confirmed, cancelled, no-show or completed)."',
      "6,Loaner,Sometimes,Loaner: choose among the listed values.",
      "7,Type,,Enter the type of appointment.",
    ]);
    expect(await appointmentsOf(company.id)).toMatchObject([{ status: "no_show", attributes: { loaner: ["Yes"] } }]);
    // The row with a bad phone number created nobody.
    expect(await database.db.select().from(customers).where(eq(customers.companyId, company.id))).toHaveLength(1);
  });

  it("never touches another company's customer holding the same number, and leaves a STOP opt-out as it is", async () => {
    const a = await adminOfNewCompany(database.db);
    const b = await adminOfNewCompany(database.db);
    const stoppedAt = new Date("2026-01-02T03:04:05Z");
    const stopped = await createCustomer(database.db, a.company.id, { firstName: "Renée", mobile: "+15145550150", optedOutAt: stoppedAt, subscribedGeneral: false, subscribedMarketing: false });
    const other = await createCustomer(database.db, b.company.id, { firstName: "Other", mobile: "+15145550151" });
    const job = await importCsv(a.context, "Mobile,First name,Date,Time,Type\n514-555-0150,Renée,2026-12-03,10:00,Service\n514-555-0151,Paul,2026-12-03,11:00,Service\n");
    expect(job).toMatchObject({ createdRows: 2, errorRows: 0 });

    const [after] = await database.db.select().from(customers).where(eq(customers.id, stopped.id));
    expect(after).toMatchObject({ optedOutAt: stoppedAt, subscribedGeneral: false, subscribedMarketing: false });
    expect(await database.db.select().from(customers).where(eq(customers.id, other.id))).toMatchObject([{ companyId: b.company.id, firstName: "Other" }]);
    expect(await appointmentsOf(b.company.id)).toEqual([]);
    const paul = (await customerByMobile(a.company.id, "+15145550151"))!;
    expect(paul.id).not.toBe(other.id);
    expect((await appointmentsOf(a.company.id)).map((row) => row.customerId)).toEqual([stopped.id, paul.id]);
  });
});

describe("importing repair orders", () => {
  it("upserts by number within the company, keeps what empty cells leave out, and types event attributes", async () => {
    const { company, context } = await adminOfNewCompany(database.db, { timezone: "America/Toronto" });
    const other = await adminOfNewCompany(database.db);
    const otherCustomer = await createCustomer(database.db, other.company.id);
    await database.db.insert(customerEvents).values({ companyId: other.company.id, customerId: otherCustomer.id, number: "RO-1", title: "Theirs" });
    await database.db.insert(customAttributeDefinitions).values([
      { companyId: company.id, category: "customer", key: "mileage", label: "Kilométrage", type: "string" },
      { companyId: company.id, category: "event", key: "mileage", label: "Kilométrage", type: "number" },
    ]);
    const job = await importCsv(context, [
      "No de bon de travail,Cellulaire,Titre,Statut,Date,Kilométrage",
      "RO-1,5145550101,Freins,ouvert,2026-03-04,12000",
      "RO-2,5145550102,Pneus,fermé,,beaucoup",
      "RO-1,5145550101,,fermé,,12 500",
    ].join("\n"));
    expect(job).toMatchObject({ kind: "repair_orders", mapping: ["repairOrderNumber", "mobile", "repairOrderTitle", "repairOrderStatus", "repairOrderDate", "event:mileage"] });
    expect(job).toMatchObject({ createdRows: 1, updatedRows: 1, errorRows: 1 });
    expect(await reportLines(context, job.id)).toEqual(["3,Kilométrage,beaucoup,Kilométrage: enter a whole number."]);
    const customer = (await customerByMobile(company.id, "+15145550101"))!;
    expect(await repairOrdersOf(company.id)).toMatchObject([
      { customerId: customer.id, kind: "repair_order", number: "RO-1", title: "Freins", status: "closed", occurredAt: new Date("2026-03-04T05:00:00Z"), attributes: { mileage: 12500 } },
    ]);

    const again = await importCsv(context, "RO #,Mobile,Title\nRO-1,5145550101,Freins et pneus\nRO-2,5145550102,Pneus\n");
    expect(again).toMatchObject({ kind: "repair_orders", createdRows: 1, updatedRows: 1, errorRows: 0 });
    expect(await repairOrdersOf(company.id)).toMatchObject([
      { number: "RO-1", title: "Freins et pneus", status: "closed", attributes: { mileage: 12500 } },
      { number: "RO-2", title: "Pneus", status: "open" },
    ]);
    expect(await repairOrdersOf(other.company.id)).toMatchObject([{ number: "RO-1", title: "Theirs", customerId: otherCustomer.id }]);
  });
});

describe("importing money", () => {
  it("reads repair-order totals written as a French or English export writes them, and reports one that is not an amount", async () => {
    const { company, context } = await adminOfNewCompany(database.db, { timezone: "America/Toronto" });
    await database.db.insert(customAttributeDefinitions).values({ companyId: company.id, category: "event", key: "total", label: "Total", type: "money" });
    const job = await importCsv(context, ["No de bon de travail;Cellulaire;Titre;Total", "RO-1;5145550101;Freins;1 343,67 $", "RO-2;5145550102;Pneus;$644.00", "RO-3;5145550103;Huile;gratuit"].join("\n"));
    expect(job).toMatchObject({ kind: "repair_orders", createdRows: 2, errorRows: 1 });
    expect(await reportLines(context, job.id)).toEqual(["4,Total,gratuit,\"Total: enter an amount, such as 644.00 or 1 343,67.\""]);
    expect((await repairOrdersOf(company.id)).map((row) => [row.number, row.attributes])).toEqual([
      ["RO-1", { total: 1343.67 }],
      ["RO-2", { total: 644 }],
    ]);
  });
});

describe("the mapping of a file of records", () => {
  it("asks for what each kind needs and refuses fields of another kind or unknown attributes", async () => {
    const { context } = await adminOfNewCompany(database.db);
    const { id } = await uploadCsv(context, "Mobile,Date,Time,Type\n5145550101,2026-12-03,10:00,Service\n");
    const start = (kind: string, mapping: (string | null)[]) => startImport.run(context, { importId: id, kind, mapping });
    expect(await start("appointments", ["mobile", "appointmentDate", "appointmentTime", null])).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingNeedsType"] } });
    expect(await start("appointments", ["mobile", "appointmentDate", null, "appointmentType"])).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingNeedsStart"] } });
    expect(await start("appointments", ["mobile", "appointmentDateTime", "appointmentTime", "appointmentType"])).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingDateTwice"] } });
    expect(await start("customers", ["mobile", "appointmentDate", null, null])).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingWrongKind"] } });
    expect(await start("repair_orders", ["mobile", "repairOrderDate", null, "repairOrderTitle"])).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingNeedsNumber"] } });
    expect(await start("repair_orders", ["mobile", "repairOrderNumber", "appointment:advisor", null])).toMatchObject({ ok: false, fieldErrors: { mapping: ["imports.mappingWrongKind"] } });
    expect(await start("appointments", ["mobile", "appointmentDateTime", "appointment:nope", "appointmentType"])).toEqual({ ok: false, error: "imports.fieldUnknown" });
    expect(await start("invoices", ["mobile", null, null, null])).toMatchObject({ ok: false, fieldErrors: { kind: ["imports.kindInvalid"] } });
  });
});
