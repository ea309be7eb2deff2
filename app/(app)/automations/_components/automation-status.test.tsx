/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { AutomationStatus } from "./automation-status";

function renderIn(locale: "en" | "fr", status: string) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr}>
      <AutomationStatus status={status} />
    </NextIntlClientProvider>,
  );
}

describe("AutomationStatus", () => {
  it("never claims a seeded automation is active while nothing runs it", () => {
    renderIn("en", "active");
    expect(screen.queryByText("Active")).not.toBeInTheDocument();
    expect(screen.getByText("Not running yet")).toBeInTheDocument();
  });

  it("says so in French too, and keeps paused as paused", () => {
    renderIn("fr", "active");
    expect(screen.getByText("Pas encore en marche")).toBeInTheDocument();
    renderIn("en", "paused");
    expect(screen.getByText("Paused")).toBeInTheDocument();
  });
});
