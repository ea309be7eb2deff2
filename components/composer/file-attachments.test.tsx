/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import { FileChips } from "./file-attachments";

describe("a campaign's files on its page", () => {
  it("shows each file as a chip that opens it, with nothing to remove", () => {
    render(
      <NextIntlClientProvider locale="fr" messages={fr} timeZone="America/Toronto">
        <FileChips files={[{ id: "f1", fileName: "promo.pdf", contentType: "application/pdf", sizeBytes: 1200, kind: "document", url: "/api/files/f1" }]} />
      </NextIntlClientProvider>,
    );
    const chips = screen.getByTestId("composer-attachments");
    expect(within(chips).getByRole("link", { name: "promo.pdf" })).toHaveAttribute("href", "/api/files/f1");
    expect(within(chips).queryByRole("button")).toBeNull();
  });
});
