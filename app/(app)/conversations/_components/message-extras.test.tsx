/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { translateMessage } from "@/lib/ai/actions";
import { LanguagePicker } from "./language-picker";
import { TranslateIncoming } from "./message-extras";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
jest.mock("@/lib/ai/actions", () => ({ translateMessage: jest.fn(async () => ({ ok: true, data: { text: "Is my truck ready?", language: "en", sourceLanguage: "es" } })) }));

const wrap = (locale: "en" | "fr", children: React.ReactNode) => (
  <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : fr} timeZone="America/Toronto">
    {children}
  </NextIntlClientProvider>
);

describe("a customer's message translated on demand", () => {
  it("says which language it was translated from, in the reader's language", () => {
    const { rerender } = render(wrap("fr", <TranslateIncoming messageId="m1" translated="Est-ce que mon camion est prêt?" language="fr" sourceLanguage="es" />));
    expect(screen.getByTestId("translated-from")).toHaveTextContent("Traduit de l’espagnol");
    expect(screen.getByTestId("message-translation")).toHaveTextContent("Est-ce que mon camion est prêt?");
    rerender(wrap("fr", <TranslateIncoming messageId="m1" translated="Bonjour" language="fr" sourceLanguage="vi" />));
    expect(screen.getByTestId("translated-from")).toHaveTextContent("Traduit du vietnamien");
    rerender(wrap("en", <TranslateIncoming messageId="m1" translated="Is my truck ready?" language="en" sourceLanguage="es" />));
    expect(screen.getByTestId("translated-from")).toHaveTextContent("Translated from Spanish");
    expect(screen.getByRole("button", { name: /Translation \(English\)|Hide the translation/ })).toBeInTheDocument();
  });

  it("translates into a language found by typing part of its name, with the keyboard", async () => {
    render(wrap("fr", <TranslateIncoming messageId="m1" translated={null} language={null} sourceLanguage={null} />));
    fireEvent.click(screen.getByTestId("translate-message"));
    const search = await screen.findByRole("combobox", { name: "Langue" });
    fireEvent.change(search, { target: { value: "espa" } });
    expect(screen.getAllByRole("option")[0]).toHaveTextContent("Espagnol");
    fireEvent.keyDown(search, { key: "Enter" });
    await waitFor(() => expect(translateMessage).toHaveBeenCalledWith({ messageId: "m1", language: "es" }));
  });
});

describe("the language picker", () => {
  it("offers any other language by name, and moves through the list with the arrows", () => {
    const picked: string[] = [];
    render(wrap("en", <LanguagePicker inline label="Language" onPick={(value) => picked.push(value)} />));
    const search = screen.getByRole("combobox", { name: "Language" });
    fireEvent.change(search, { target: { value: "Mi'kmaq" } });
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual(["Other language: “Mi'kmaq”"]);
    fireEvent.keyDown(search, { key: "Enter" });
    fireEvent.change(search, { target: { value: "viet" } });
    fireEvent.keyDown(search, { key: "ArrowDown" });
    fireEvent.keyDown(search, { key: "Enter" });
    fireEvent.change(search, { target: { value: "<script>" } });
    expect(screen.queryAllByRole("option")).toEqual([]);
    expect(screen.getByText(/No language matches/)).toBeInTheDocument();
    expect(picked).toEqual(["Mi'kmaq", "vi"]);
  });
});
