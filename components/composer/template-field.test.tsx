/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { withCostliestOptOutFooter } from "@/lib/campaigns/footer";
import fr from "@/lib/i18n/messages/fr.json";
import { useFileAttachments } from "./file-attachments";
import { TemplateField } from "./template-field";
import type { UploadedFile } from "./uploads";

// 150 GSM-7 characters: one segment on its own.
const TEXT = `Pneus d'hiver -20 % chez nous jusqu'au 15 novembre. ${"x".repeat(98)}`;
const FILE: UploadedFile = { id: "f1", fileName: "promo.pdf", contentType: "application/pdf", sizeBytes: 1200, kind: "document", url: "/api/files/f1" };

function CampaignMessage({ marketing, files = [], text = TEXT }: { marketing: boolean; files?: UploadedFile[]; text?: string }) {
  const attachments = useFileAttachments(files);
  return (
    <TemplateField
      id="campaign-message"
      label="Message"
      placeholder=""
      value={text}
      onChange={() => {}}
      attributes={[]}
      files={{ attachments, appUrl: "https://parley.example" }}
      countAs={marketing ? (text) => withCostliestOptOutFooter(text, "Garage Beaulieu") : undefined}
    />
  );
}

const show = (ui: React.ReactElement) =>
  render(
    <NextIntlClientProvider locale="fr" messages={fr} timeZone="America/Toronto">
      {ui}
    </NextIntlClientProvider>,
  );

describe("the campaign editor's segment count", () => {
  it("counts the text as sent: the marketing footer, in its costliest language, is billed", () => {
    const view = show(<CampaignMessage marketing={false} />);
    expect(screen.getByTestId("segment-counter")).toHaveTextContent("1 segment ·");
    expect(screen.getByTestId("segment-counter")).toHaveTextContent("GSM-7");
    view.unmount();

    show(<CampaignMessage marketing />);
    // "\nGarage Beaulieu: Répondez ARRET pour vous désabonner" keeps the GSM alphabet: 150 + 53 characters at 153 a part.
    expect(screen.getByTestId("segment-counter")).toHaveTextContent("2 segments");
    expect(screen.getByTestId("segment-counter")).toHaveTextContent("GSM-7");
  });

  it("counts each attached file as the link it becomes", () => {
    show(<CampaignMessage marketing={false} files={[FILE]} />);
    expect(screen.getByTestId("composer-attachments")).toHaveTextContent("promo.pdf");
    expect(screen.getByTestId("segment-counter")).toHaveTextContent("2 segments");
  });

  it("adds no footer when the text already says how to unsubscribe", () => {
    show(<CampaignMessage marketing text={`${TEXT.slice(0, 120)} Reply STOP to unsubscribe`} />);
    expect(screen.getByTestId("segment-counter")).toHaveTextContent("1 segment ·");
  });
});
