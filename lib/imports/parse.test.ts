import ExcelJS from "exceljs";
import { describeColumns, guessKind, guessMapping } from "./mapping";
import { parseImportFile } from "./parse";
import { parseLocalDate, parseLocalTime } from "./record-rows";
import { validateRow } from "./rows";

async function xlsx(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Clients");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("parsing an import file", () => {
  it("reads a CSV with its header row, trimming cells and skipping blank lines", async () => {
    const file = await parseImportFile(Buffer.from("First name,Last name,Mobile\n Julie ,Tremblay,514 555 0101\n\nMarc,Roy,\n"), "clients.csv");
    expect(file.hasHeader).toBe(true);
    expect(file.headers).toEqual(["First name", "Last name", "Mobile"]);
    expect(file.rows).toEqual([
      { line: 2, cells: ["Julie", "Tremblay", "514 555 0101"] },
      { line: 4, cells: ["Marc", "Roy", ""] },
    ]);
  });

  it("reads semicolon-separated Windows-1252 text, as French Excel saves it", async () => {
    const body = Buffer.concat([Buffer.from("Pr"), Buffer.from([0xe9]), Buffer.from("nom;Nom;T"), Buffer.from([0xe9]), Buffer.from("l"), Buffer.from([0xe9]), Buffer.from("phone\nH"), Buffer.from([0xe9]), Buffer.from("l"), Buffer.from([0xe8]), Buffer.from("ne;Cote;5145550102\n")]);
    const file = await parseImportFile(body, "export.csv");
    expect(file.headers).toEqual(["Prénom", "Nom", "Téléphone"]);
    expect(file.rows[0]!.cells).toEqual(["Hélène", "Cote", "5145550102"]);
  });

  it("names the columns by letter when the first row is already data", async () => {
    const file = await parseImportFile(Buffer.from("Julie,5145550101,julie@example.com\nMarc,5145550102,marc@example.com\n"), "no-header.csv");
    expect(file.hasHeader).toBe(false);
    expect(file.headers).toEqual(["A", "B", "C"]);
    expect(file.rows.map((row) => row.line)).toEqual([1, 2]);
  });

  it("reads the first sheet of an Excel file: numbers, dates, formulas and rich text as text", async () => {
    const body = await xlsx([
      ["Prénom", "Nom", "Cellulaire", "Dernière visite", "Total"],
      [{ richText: [{ text: "Ju" }, { text: "lie" }] }, "Tremblay", 5145550101, new Date(Date.UTC(2026, 2, 14)), { formula: "1+1", result: 2 }],
    ]);
    const file = await parseImportFile(body, "clients.xlsx");
    expect(file.headers).toEqual(["Prénom", "Nom", "Cellulaire", "Dernière visite", "Total"]);
    expect(file.rows).toEqual([{ line: 2, cells: ["Julie", "Tremblay", "5145550101", "2026-03-14", "2"] }]);
  });

  it("keeps the time of Excel date-time and time cells, as the wall-clock time Excel shows", async () => {
    const body = await xlsx([
      ["Cellulaire", "Rendez-vous", "Heure"],
      [5145550101, new Date(Date.UTC(2026, 11, 3, 14, 30)), new Date(Date.UTC(1899, 11, 30, 9, 15))],
    ]);
    expect((await parseImportFile(body, "rdv.xlsx")).rows[0]!.cells).toEqual(["5145550101", "2026-12-03 14:30", "09:15"]);
  });

  it("refuses other kinds of files, empty files and unreadable spreadsheets with a clear reason", async () => {
    await expect(parseImportFile(Buffer.from("%PDF-1.4"), "clients.pdf")).rejects.toThrow("imports.fileType");
    await expect(parseImportFile(Buffer.from("First name,Mobile\n"), "empty.csv")).rejects.toThrow("imports.fileEmpty");
    await expect(parseImportFile(Buffer.from("not a zip"), "broken.xlsx")).rejects.toThrow("imports.fileUnreadable");
  });
});

describe("guessing the column mapping", () => {
  const attributes = [
    { category: "customer" as const, key: "vehicle_make", label: "Marque du véhicule", type: "string" as const, options: [] },
    { category: "customer" as const, key: "mileage", label: "Kilométrage", type: "number" as const, options: [] },
  ];

  it("recognises English and French headers and the company's attributes", () => {
    const columns = describeColumns(
      ["Prénom", "Nom de famille", "Cellulaire", "Courriel", "No client", "Langue", "Marque du véhicule", "Kilometrage", "Notes"],
      [{ cells: ["Julie", "Tremblay", "514 555 0101", "j@example.com", "D-1", "fr", "Honda", "1200", "VIP"] }],
    );
    expect(guessMapping(columns, attributes)).toEqual(["firstName", "lastName", "mobile", "email", "externalId", "language", "attribute:vehicle_make", "attribute:mileage", null]);
    const english = describeColumns(["First Name", "Last Name", "Mobile Phone", "E-mail", "External ID"], [{ cells: [] }]);
    expect(guessMapping(english, [])).toEqual(["firstName", "lastName", "mobile", "email", "externalId"]);
  });

  it("falls back on what the values look like, and proposes each field once", () => {
    const columns = describeColumns(["A", "B", "C", "Phone"], [{ cells: ["Julie", "514-555-0101", "julie@example.com", "514-555-0199"] }]);
    expect(guessMapping(columns, [])).toEqual([null, null, "email", "mobile"]);
    const unlabelled = describeColumns(["A", "B", "C"], [{ cells: ["Julie", "514-555-0101", "julie@example.com"] }]);
    expect(guessMapping(unlabelled, [])).toEqual([null, "mobile", "email"]);
  });

  it("reads a lone name column as the full name, and as the last name beside a first name", () => {
    expect(guessMapping(describeColumns(["Name", "Mobile"], []), [])).toEqual(["fullName", "mobile"]);
    expect(guessMapping(describeColumns(["First name", "Name", "Mobile"], []), [])).toEqual(["firstName", "lastName", "mobile"]);
    expect(guessMapping(describeColumns(["First name", "Last name", "Customer", "Mobile"], []), [])).toEqual(["firstName", "lastName", null, "mobile"]);
    expect(guessMapping(describeColumns(["Notes sur le client", "Mobile phone (cell)", "Customer ID (DMS)"], []), [])).toEqual([null, "mobile", "externalId"]);
  });

  it("tells a file of appointments or repair orders by its headers, in French or English", () => {
    const kindOf = (headers: string[]) => guessKind(describeColumns(headers, []), []);
    expect(kindOf(["Prénom", "Cellulaire", "Date du rendez-vous", "Heure", "Durée", "Type de rendez-vous"])).toBe("appointments");
    expect(kindOf(["Mobile", "Appointment date", "Appointment time", "Type"])).toBe("appointments");
    expect(kindOf(["Mobile", "Start", "Service"])).toBe("appointments");
    expect(kindOf(["No de bon de travail", "Cellulaire", "Date", "Kilométrage"])).toBe("repair_orders");
    expect(kindOf(["RO #", "Mobile", "Title", "Status"])).toBe("repair_orders");
    expect(kindOf(["First name", "Mobile", "Date"])).toBe("customers");
    const appointment = describeColumns(["Cellulaire", "Date du rendez-vous", "Heure", "Durée", "Type", "Statut", "ID rendez-vous"], []);
    expect(guessMapping(appointment, [], "appointments")).toEqual(["mobile", "appointmentDate", "appointmentTime", "appointmentDuration", "appointmentType", "appointmentStatus", "appointmentExternalId"]);
    // A customer file never proposes a record's field.
    expect(guessMapping(appointment, [])).toEqual(["mobile", null, null, null, null, null, null]);
  });
});

describe("reading dates and times of appointments", () => {
  it("accepts ISO dates, and day or month first by the company's language when both could be", () => {
    expect(parseLocalDate("2026-12-03", "en")).toBe("2026-12-03");
    expect(parseLocalDate("2026/12/3", "fr")).toBe("2026-12-03");
    expect(parseLocalDate("03/12/2026", "fr")).toBe("2026-12-03");
    expect(parseLocalDate("03/12/2026", "en")).toBe("2026-03-12");
    expect(parseLocalDate("25/12/2026", "en")).toBe("2026-12-25");
    expect(parseLocalDate("12/25/2026", "fr")).toBe("2026-12-25");
    expect(parseLocalDate("2026-02-30", "en")).toBeNull();
    expect(parseLocalDate("demain", "fr")).toBeNull();
  });

  it("accepts 24-hour, French and AM/PM times", () => {
    expect(["14:30", "14h30", "14 h 30", "2:30 PM", "2:30 p.m.", "14:30:00"].map(parseLocalTime)).toEqual(Array(6).fill("14:30"));
    expect(["9h", "9", "09:00", "9 AM"].map(parseLocalTime)).toEqual(Array(4).fill("09:00"));
    expect(parseLocalTime("12:15 AM")).toBe("00:15");
    expect(["25:00", "10:75", "13 PM", "noon"].map(parseLocalTime)).toEqual([null, null, null, null]);
  });
});

describe("validating a row", () => {
  const context = {
    headers: ["Name", "Mobile", "Email", "Language", "Mileage", "Visit"],
    mapping: ["fullName", "mobile", "email", "language", "attribute:mileage", "attribute:visit"],
    attributes: [
      { key: "mileage", label: "Mileage", type: "number" as const, options: [] },
      { key: "visit", label: "Visit", type: "date" as const, options: [] },
    ],
    countryCode: "CA",
  };

  it("normalises the phone to E.164, splits the full name and types the attributes", () => {
    expect(validateRow(2, ["Julie Anne Tremblay", "(514) 555-0101", "Julie@Example.com", "Français", "12 000", "2026-03-14"], context)).toEqual({
      fields: { firstName: "Julie", lastName: "Anne Tremblay", mobile: "+15145550101", email: "julie@example.com", language: "fr", attributes: { mileage: 12000, visit: "2026-03-14" } },
      errors: [],
    });
  });

  it("reports every bad cell with its row, column and reason", () => {
    const { fields, errors } = validateRow(7, ["Julie", "555", "not-an-email", "klingon", "lots", "14/03/2026"], context);
    expect(fields).toBeNull();
    expect(errors).toEqual([
      { row: 7, column: "Mobile", value: "555", reason: "customers.mobileInvalid", values: { value: "555" } },
      { row: 7, column: "Email", value: "not-an-email", reason: "customers.emailInvalid", values: undefined },
      { row: 7, column: "Language", value: "klingon", reason: "imports.reasons.languageInvalid", values: { value: "klingon" } },
      { row: 7, column: "Mileage", value: "lots", reason: "customers.attributeNumber", values: { attribute: "Mileage" } },
      { row: 7, column: "Visit", value: "14/03/2026", reason: "customers.attributeDate", values: { attribute: "Visit" } },
    ]);
  });

  it("needs a mobile number or an external id to match the customer", () => {
    expect(validateRow(3, ["Julie", "", "", "", "", ""], context).errors).toEqual([{ row: 3, column: "", value: "", reason: "imports.reasons.noKey" }]);
  });
});
