/** @jest-environment jsdom */
import { render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import { MessageField } from "./request-message-field";

describe("the message of a payment or review request", () => {
  it("shows attributes as chips with their label, never the raw token", async () => {
    render(
      <NextIntlClientProvider locale="fr" messages={fr} timeZone="America/Toronto">
        <MessageField value={"Bonjour { customer.first_name }, voici le lien :"} onChange={() => {}} canEditSavedReplies={false} attributes={[{ path: "customer.first_name", label: "Prénom", group: "customer" }]} />
      </NextIntlClientProvider>,
    );
    const field = await screen.findByTestId("request-message-field");
    await waitFor(() => expect(field).toHaveTextContent("Prénom"));
    expect(field).not.toHaveTextContent("{ customer.first_name }");
  });
});
