/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { NotificationBell } from "./notification-bell";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));
jest.mock("@/lib/notifications/actions", () => ({ markNotificationsRead: async () => ({ ok: true, data: {} }), markNotificationRead: async () => ({ ok: true, data: {} }) }));

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

describe("NotificationBell reading", () => {
  it("opening an unread notification reads that one; the header button reads them all", async () => {
    const actions = jest.requireMock<{ markNotificationsRead: jest.Mock; markNotificationRead: jest.Mock }>("@/lib/notifications/actions");
    actions.markNotificationsRead = jest.fn(async () => ({ ok: true, data: null }));
    actions.markNotificationRead = jest.fn(async () => ({ ok: true, data: null }));
    const unread = { id: "n2", kind: "conversation.assigned", link: "/conversations/c2", createdAt: new Date().toISOString(), read: false, data: { count: 1 }, customerName: "Kevin Caron", conversationPreview: "Très déçu" };
    render(
      <NextIntlClientProvider locale="en" messages={en} timeZone="America/Toronto" now={new Date()}>
        <NotificationBell notifications={[unread]} unread={1} />
      </NextIntlClientProvider>,
    );
    fireEvent.keyDown(screen.getByTestId("notification-bell"), { key: "Enter" });
    expect(await screen.findByText("A conversation was assigned to you")).toBeInTheDocument();
    expect(screen.getByTestId("notification-preview")).toHaveTextContent("Kevin Caron · Très déçu");
    fireEvent.click(screen.getByTestId("notifications-mark-all"));
    await waitFor(() => expect(actions.markNotificationsRead).toHaveBeenCalledWith({}));
    fireEvent.click(screen.getByTestId("notification-item"));
    await waitFor(() => expect(actions.markNotificationRead).toHaveBeenCalledWith({ id: "n2" }));
  });
});
