/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { AwayBanner } from "./away-banner";

function renderIn(locale: "en" | "fr", until: string | null) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="America/Toronto">
      <AwayBanner until={until} />
    </NextIntlClientProvider>,
  );
}

describe("AwayBanner", () => {
  it("tells the user until when they are away, in their language and the company's time zone", () => {
    renderIn("en", "2026-12-24T22:00:00.000Z");
    expect(screen.getByRole("status")).toHaveTextContent("You are in away mode until Dec 24, 2026, 5:00 PM.");
    expect(screen.getByRole("link", { name: "Change" })).toHaveAttribute("href", "/settings#away");
  });

  it("speaks French", () => {
    renderIn("fr", null);
    expect(screen.getByRole("status")).toHaveTextContent("Vous êtes en mode absence.");
  });
});
