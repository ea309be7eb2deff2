/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import { NotificationBell } from "./notification-bell";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
jest.mock("@/lib/notifications/actions", () => ({ markNotificationsRead: async () => ({ ok: true, data: {} }) }));

describe("NotificationBell", () => {
  it("names the customer who wrote and shows what they said", async () => {
    const notification = { id: "n1", kind: "conversation.new_message", link: "/conversations/c1", createdAt: new Date().toISOString(), read: false, data: { customerName: "Julie Tremblay", preview: "Mon auto est prête?" } };
    render(
      <NextIntlClientProvider locale="fr" messages={fr} timeZone="America/Toronto" now={new Date()}>
        <NotificationBell notifications={[notification]} unread={1} />
      </NextIntlClientProvider>,
    );
    fireEvent.keyDown(screen.getByTestId("notification-bell"), { key: "Enter" });
    expect(await screen.findByText("Nouveau message de Julie Tremblay")).toBeInTheDocument();
    expect(screen.getByTestId("notification-preview")).toHaveTextContent("Mon auto est prête?");
  });
});
