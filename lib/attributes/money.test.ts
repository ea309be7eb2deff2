import { createFormatter } from "next-intl";
import { validateAttributeValues } from "@/lib/customers/attribute-values";
import { formattedAttributeText } from "@/lib/customers/display";
import { templateValues } from "@/lib/templates/context";
import { renderTemplate } from "@/lib/templates/render";
import { formatMoney, parseMoney } from "./money";

// Intl separates "644,00 $" with a no-break space: compare with plain spaces.
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ");

describe("money attributes (“Total ($): 644” no more)", () => {
  it("shows an amount as money in the reader's language and the company's currency", () => {
    expect(plain(formatMoney(644, "CAD", "fr"))).toBe("644,00 $");
    expect(formatMoney(644, "CAD", "en")).toBe("$644.00");
    expect(plain(formatMoney(1343.67, "CAD", "fr"))).toBe("1 343,67 $");
    expect(formatMoney(1343.67, "CAD", "en")).toBe("$1,343.67");
    expect(formatMoney(20, "USD", "en")).toBe("US$20.00");
  });

  it("reads an amount as people type or export it, and refuses what is not one", () => {
    expect(parseMoney("644")).toBe(644);
    expect(parseMoney("644,5")).toBe(644.5);
    expect(parseMoney("1 343,67 $")).toBe(1343.67);
    expect(parseMoney("1\u00a0343,67\u00a0$")).toBe(1343.67);
    expect(parseMoney("$1,343.67")).toBe(1343.67);
    expect(parseMoney("1343.67 $")).toBe(1343.67);
    expect(parseMoney("CA$ 1.343,67")).toBe(1343.67);
    expect(parseMoney("644.00 CAD")).toBe(644);
    expect(parseMoney("-20")).toBe(-20);
    expect(parseMoney(12.345)).toBe(12.35);
    for (const wrong of ["lots", "", "12,3456", "1.2.3", "$", "12 pommes"]) expect(parseMoney(wrong)).toBeUndefined();
  });

  it("checks money values like the other types (profile form and imports)", () => {
    const definitions = [{ key: "total", label: "Total", type: "money" as const, options: [] }];
    expect(validateAttributeValues({ total: "1 343,67 $" }, definitions)).toEqual({ values: { total: 1343.67 }, errors: {} });
    expect(validateAttributeValues({ total: 644 }, definitions)).toEqual({ values: { total: 644 }, errors: {} });
    expect(validateAttributeValues({ total: "beaucoup" }, definitions)).toEqual({ values: {}, errors: { total: "customers.attributeMoney" } });
  });

  it("displays a money attribute as money on the profile, and a plain number as a number", () => {
    const fr = createFormatter({ locale: "fr", timeZone: "America/Toronto" });
    const en = createFormatter({ locale: "en", timeZone: "America/Toronto" });
    expect(plain(formattedAttributeText(644, "money", fr, { currency: "CAD", locale: "fr" }))).toBe("644,00 $");
    expect(formattedAttributeText(644, "money", en, { currency: "CAD", locale: "en" })).toBe("$644.00");
    expect(formattedAttributeText(644, "number", en, { currency: "CAD", locale: "en" })).toBe("644");
  });

  it("fills a money merge field as money in the customer's language, and leaves other numbers alone", () => {
    const subjects = {
      timeZone: "America/Toronto",
      company: { name: "Garage Lavoie", senderNumber: null, currency: "CAD" },
      event: { number: "RO-48200", title: "Freins", attributes: { total: 644, mileage: 120_000 } },
      attributeTypes: { "event.total": "money", "event.mileage": "number" },
    };
    const text = "Votre facture { event.number } : { event.total } ({ event.mileage } km)";
    expect(plain(renderTemplate(text, templateValues({ ...subjects, locale: "fr" })))).toBe("Votre facture RO-48200 : 644,00 $ (120 000 km)");
    expect(renderTemplate(text, templateValues({ ...subjects, locale: "en" }))).toBe("Votre facture RO-48200 : $644.00 (120,000 km)");
  });
});
