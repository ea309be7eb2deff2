import { createFormatter } from "next-intl";
import { formattedAttributeText } from "./display";

describe("attribute values in the reader's language and format (CUST-6)", () => {
  const fr = createFormatter({ locale: "fr-CA", timeZone: "America/Toronto" });
  const en = createFormatter({ locale: "en-CA", timeZone: "America/Toronto" });

  it("shows a calendar date as a date of the reader's language, never as ISO", () => {
    expect(formattedAttributeText("2025-12-12", "date", fr)).toBe("12 déc. 2025");
    expect(formattedAttributeText("2025-12-12", "date", en)).toBe("Dec 12, 2025");
    expect(formattedAttributeText("2025-12-12", undefined, fr)).not.toContain("2025-12-12");
  });

  it("groups numbers as the reader does, and leaves other text as it is", () => {
    expect(formattedAttributeText(12_644, "number", fr)).toMatch(/^12\s644$/);
    expect(formattedAttributeText(12_644, "number", en)).toBe("12,644");
    expect(formattedAttributeText("2025-12-12", "string", fr)).toBe("2025-12-12");
    expect(formattedAttributeText(["Honda", "Toyota"], "collection", fr)).toBe("Honda, Toyota");
  });
});
