/** @jest-environment jsdom */
import { render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import type { FileAttachments } from "./file-attachments";
import { TemplateField } from "./template-field";

const text = "Bonjour, voici votre facture et le bon de travail pour votre véhicule. Merci de votre confiance.";

function attachments(fileCount: number): FileAttachments {
  const list = Array.from({ length: fileCount }, (_, index) => ({ key: `f${index}`, name: `facture-${index}.pdf`, progress: 1 }));
  return { attachments: list, addFiles: () => {}, remove: () => {}, clear: () => {}, uploaded: [], uploading: false, fileCount };
}

function renderField(fileCount: number) {
  return render(
    <NextIntlClientProvider locale="fr" messages={fr} timeZone="America/Toronto">
      <TemplateField id="campaign-message" label="Message" placeholder="" value={text} onChange={() => {}} attributes={[]} files={{ attachments: attachments(fileCount), appUrl: "https://parley.example" }} />
    </NextIntlClientProvider>,
  );
}

describe("the segment counter of a text with files", () => {
  it("counts each attached file as the link that will be appended", async () => {
    const { unmount } = renderField(0);
    await waitFor(() => expect(screen.getByTestId("segment-counter")).toHaveTextContent(/^1 /));
    unmount();
    renderField(2);
    // 96 characters + two links of ~57 characters each: two segments, as the customer receives it.
    await waitFor(() => expect(screen.getByTestId("segment-counter")).toHaveTextContent(/^2 /));
  });
});
