/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import { ScheduledBanner, type PendingScheduled } from "./scheduled-banner";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
// The server actions are not what this test is about (lib/scheduling tests run them on a database).
jest.mock("@/lib/scheduling/actions", () => ({ deleteScheduledMessage: jest.fn(), dismissScheduledMessage: jest.fn(), updateScheduledMessage: jest.fn() }));

const base = { sendAt: "2026-12-03T14:00:00.000Z", sendAtLocal: "2026-12-03T09:00", failureReason: null, payment: null, status: "pending" as const };
const items: PendingScheduled[] = [
  { ...base, id: "1", kind: "payment_request", body: "Bonjour { customer.first_name }, votre facture :", payment: { amountCents: 38995, currency: "CAD", reference: "RO-48213" } },
  { ...base, id: "2", kind: "review_request", body: "Merci de votre visite!" },
  { ...base, id: "3", kind: "review_request", body: "Votre avis ?", status: "failed", failureReason: "opted_out" },
];

describe("the conversation's scheduled banner", () => {
  it("shows what each row is (payment with amount and reference, review), the text as sent, and why a row was not sent", () => {
    render(
      <NextIntlClientProvider locale="fr" messages={fr} timeZone="America/Toronto">
        <ScheduledBanner scheduled={items} attributes={[]} previewValues={{ "customer.first_name": "Julie" }} />
      </NextIntlClientProvider>,
    );
    const [payment, review, failed] = screen.getAllByTestId("scheduled-item");
    expect(payment).toHaveTextContent(/Demande de paiement · 389,95\s\$(CA)? · RO-48213/);
    expect(payment).toHaveTextContent("Bonjour Julie, votre facture :");
    expect(within(payment!).getByLabelText("Demande de paiement")).toBeInTheDocument();
    expect(review).toHaveTextContent("Demande d’avis");
    expect(failed).toHaveTextContent("Non envoyé");
    expect(failed).toHaveTextContent("Ce client a texté STOP");
    expect(within(failed!).getByRole("button", { name: "Masquer ce message programmé non envoyé" })).toBeInTheDocument();
  });
});
