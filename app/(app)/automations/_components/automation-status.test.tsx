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
  it("says an automation the engine runs is active, and a paused one paused", () => {
    renderIn("en", "active");
    expect(screen.getByText("Active")).toBeInTheDocument();
    renderIn("en", "paused");
    expect(screen.getByText("Paused")).toBeInTheDocument();
  });

  it("names drafts and archived automations in French too", () => {
    renderIn("fr", "draft");
    expect(screen.getByText("Brouillon")).toBeInTheDocument();
    renderIn("fr", "archived");
    expect(screen.getByText("Archivée")).toBeInTheDocument();
  });
});
