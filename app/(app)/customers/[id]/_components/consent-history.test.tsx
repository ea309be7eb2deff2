/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ConsentHistoryEntry } from "@/lib/compliance/types";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { ConsentHistory } from "./consent-history";

const entries: ConsentHistoryEntry[] = [
  { id: "3", kind: "opt_in", scope: "all", source: "sms_keyword", keyword: "START", messageId: "m3", staffName: null, at: "2026-11-20T15:04:00.000Z" },
  { id: "2", kind: "opt_out", scope: "all", source: "staff", keyword: "stop calling me at work", messageId: "m2", staffName: "Marie-Claude Tremblay", at: "2026-11-12T14:30:00.000Z" },
  { id: "1", kind: "opt_out", scope: "marketing", source: "import", keyword: null, messageId: null, staffName: null, at: "2026-10-01T12:00:00.000Z" },
];

function renderIn(locale: "en" | "fr", list: ConsentHistoryEntry[]) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="America/Toronto">
      <ConsentHistory entries={list} />
    </NextIntlClientProvider>,
  );
}

describe("ConsentHistory", () => {
  it("lists each opt-in and opt-out with how it came, the customer's words and when, newest first", () => {
    renderIn("en", entries);
    const items = within(screen.getByRole("list", { name: "Consent history" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Opted in · All messagesBy text message “START”Nov 20, 2026, 10:04 AM",
      "Opted out · All messagesBy Marie-Claude Tremblay “stop calling me at work”Nov 12, 2026, 9:30 AM",
      "Opted out · Marketing messagesBy importOct 1, 2026, 8:00 AM",
    ]);
  });

  it("speaks French", () => {
    renderIn("fr", entries.slice(1, 2));
    expect(screen.getByRole("listitem")).toHaveTextContent("Désabonnement · Tous les messagesPar Marie-Claude Tremblay « stop calling me at work »");
  });

  it("says when nothing is recorded", () => {
    renderIn("fr", []);
    expect(screen.getByText("Aucun abonnement ni désabonnement enregistré.")).toBeInTheDocument();
  });
});
