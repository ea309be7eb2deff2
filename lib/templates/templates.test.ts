import { formatToken, parseTemplate, TemplateSyntaxError, tokensOf } from "./parse";
import { renderTemplate } from "./render";
import { templateValues } from "./context";

const values = (map: Record<string, string | number | null>) => (path: string) => map[path];

describe("parseTemplate", () => {
  it("reads tokens with and without fallbacks", () => {
    const nodes = parseTemplate('Hi { customer.first_name | "there" }, from {company.name}.');
    expect(tokensOf(nodes)).toEqual([
      { type: "token", path: "customer.first_name", scope: "customer", key: "first_name", fallback: "there", start: 3, end: 36 },
      { type: "token", path: "company.name", scope: "company", key: "name", fallback: null, start: 43, end: 57 },
    ]);
  });

  it("keeps escaped quotes in a fallback and writes tokens back", () => {
    const [token] = tokensOf(parseTemplate('{ customer.name | "l\\"ami" }'));
    expect(token!.fallback).toBe('l"ami');
    expect(formatToken("customer.name", 'l"ami')).toBe('{ customer.name | "l\\"ami" }');
    expect(parseTemplate(formatToken("customer.name", 'l"ami'))).toEqual(parseTemplate('{ customer.name | "l\\"ami" }'));
  });

  it.each(["Hi {customer}", "Hi { customer.first name }", 'Hi { customer.name | there }', "Hi {}", "{ Customer.Name }"])(
    "reports broken syntax in %s",
    (source) => {
      expect(() => parseTemplate(source)).toThrow(TemplateSyntaxError);
    },
  );

  it("leaves a lone brace and unicode text alone", () => {
    expect(parseTemplate("Smile :{ 😀 ça va")).toEqual([{ type: "text", value: "Smile :{ 😀 ça va" }]);
  });
});

describe("renderTemplate", () => {
  it("uses the value, else the fallback, else nothing", () => {
    const source = 'Bonjour { customer.first_name | "à vous" }, votre { customer.vehicle } est prête.';
    expect(renderTemplate(source, values({ "customer.first_name": "Hélène", "customer.vehicle": "Civic" }))).toBe(
      "Bonjour Hélène, votre Civic est prête.",
    );
    expect(renderTemplate(source, values({ "customer.vehicle": "Civic" }))).toBe("Bonjour à vous, votre Civic est prête.");
    expect(renderTemplate(source, values({ "customer.first_name": "Luc" }))).toBe("Bonjour Luc, votre est prête.");
  });

  it("leaves no double space or space before punctuation where a token vanished", () => {
    expect(renderTemplate("Hi { customer.first_name }, your car is ready", values({}))).toBe("Hi, your car is ready");
    expect(renderTemplate("Hi { customer.first_name } and welcome", values({}))).toBe("Hi and welcome");
    expect(renderTemplate("Thanks { customer.first_name }!", values({}))).toBe("Thanks!");
    expect(renderTemplate("{ customer.first_name } welcome", values({}))).toBe("welcome");
    expect(renderTemplate("See you { customer.first_name }", values({}))).toBe("See you");
  });

  it("renders numbers and keeps emoji", () => {
    expect(renderTemplate("Total: { event.total } $ 🚗", values({ "event.total": 512 }))).toBe("Total: 512 $ 🚗");
  });

  it("writes a four-digit number attribute (a vehicle year) without a group separator", () => {
    const customer = { firstName: "Léa", lastName: "", mobile: null, email: null, attributes: { year: 2019, mileage: 120000 } };
    const fr = templateValues({ locale: "fr", timeZone: "America/Toronto", customer } as Parameters<typeof templateValues>[0]);
    expect(renderTemplate("{ customer.year } · { customer.mileage } km", fr)).toBe("2019 · 120\u00a0000 km");
  });
});
