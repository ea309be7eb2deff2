import Papa from "papaparse";
import { errorReportCsv } from "./error-report";

describe("the import error report", () => {
  it("names row, column, value and reason in the reader's language, and defuses formulas from the file", () => {
    const csv = errorReportCsv([{ row: 3, column: "Mobile", value: "=HYPERLINK(\"http://x\")", reason: "customers.mobileInvalid", values: {} }], "en");
    const [header, line] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(header).toEqual(["Row", "Column", "Value", "Reason"]);
    expect(line![0]).toBe("3");
    expect(line![2]).toBe("'=HYPERLINK(\"http://x\")");
    expect(line![3]).not.toBe("customers.mobileInvalid");
  });
});
