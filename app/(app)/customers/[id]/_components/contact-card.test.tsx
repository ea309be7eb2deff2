/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { ContactCard } from "./contact-card";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
// The card's edit form posts through this server action; reading it needs none.
jest.mock("@/lib/customers/actions", () => ({ updateCustomer: async () => ({ ok: true, data: {} }) }));

const customer = {
  id: "c1",
  firstName: "Hélène",
  lastName: "Roy",
  mobile: "+15145550100",
  email: null,
  language: "fr" as const,
  attributes: { credit: 1343.67, vehicle_year: 2019 },
};
const definitions = [
  { key: "credit", label: "Crédit", type: "money" as const, options: [] },
  { key: "vehicle_year", label: "Année du véhicule", type: "number" as const, options: [] },
];

function renderIn(locale: "en" | "fr") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="America/Toronto">
      <ContactCard customer={customer} definitions={definitions} currency="CAD" />
    </NextIntlClientProvider>,
  );
}

describe("the profile's contact card", () => {
  it("shows a money attribute as money in French", () => {
    renderIn("fr");
    expect(screen.getByTestId("attribute-credit").textContent?.replace(/[\u00a0\u202f]/g, " ")).toBe("1 343,67 $");
    expect(screen.getByTestId("attribute-vehicle_year")).toHaveTextContent("2019");
  });

  it("and in English", () => {
    renderIn("en");
    expect(screen.getByTestId("attribute-credit")).toHaveTextContent("$1,343.67");
  });
});
