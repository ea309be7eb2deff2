/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import type { ReminderProblem } from "@/lib/automations/reminder-problems";
import { ReminderProblemLink } from "./reminder-problem";

const failed: ReminderProblem = {
  appointmentId: "a1",
  resultId: "r1",
  automationId: "au1",
  automationName: "Rappel veille",
  status: "failed",
  skipReason: null,
  error: "2",
  createdAt: new Date("2026-12-01T15:00:00Z"),
};

function renderIn(locale: "en" | "fr", problem: ReminderProblem) {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="America/Toronto">
      <ReminderProblemLink problem={problem} />
    </NextIntlClientProvider>,
  );
  return screen.getByTestId("appointment-reminder-problem");
}

describe("an appointment's undelivered reminder", () => {
  it("says it was not delivered and why, in the carrier's words as we translate them, linked to its result", () => {
    const link = renderIn("fr", failed);
    expect(link.textContent).toBe("Rappel non livré (Rappel veille) : Ligne fixe ou numéro injoignable");
    expect(link.getAttribute("href")).toBe("/automations/au1?result=r1");
    expect(link.getAttribute("title")).toBe("2");
  });

  it("says why it was not sent when it was skipped, in English too", () => {
    expect(renderIn("en", { ...failed, status: "skipped", skipReason: "quiet_hours", error: null }).textContent).toBe(`Reminder not sent (Rappel veille): ${en.automations.results.skip.quiet_hours}`);
  });
});
