import { countSegments } from "@/lib/messaging/segments";
import { appendOptOutFooter, hasOptOutInstruction } from "./footer";

describe("the marketing opt-out footer", () => {
  it("names the company and says how to unsubscribe in the customer's language", () => {
    expect(appendOptOutFooter("Pneus -20 %", { companyName: "Beaulieu", locale: "fr" })).toBe("Pneus -20 %\nBeaulieu: Répondez ARRET pour vous désabonner");
    expect(appendOptOutFooter("Tires 20% off", { companyName: "Beaulieu", locale: "en" })).toBe("Tires 20% off\nBeaulieu: Reply STOP to unsubscribe");
  });

  it("keeps a French text in the GSM alphabet, so it is not billed as UCS-2", () => {
    const text = appendOptOutFooter("Pneus d'hiver -20 % chez Beaulieu jusqu'à samedi", { companyName: "Beaulieu", locale: "fr" });
    expect(countSegments(text)).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });

  it("is not added twice when the text already has an instruction", () => {
    expect(hasOptOutInstruction("Promo! Textez STOP pour ne plus recevoir")).toBe(true);
    expect(hasOptOutInstruction("Répondez ARRET")).toBe(true);
    expect(hasOptOutInstruction("Click to unsubscribe")).toBe(true);
    expect(appendOptOutFooter("Pneus. Répondez ARRÊT pour vous désabonner", { companyName: "B", locale: "fr" })).toBe("Pneus. Répondez ARRÊT pour vous désabonner");
  });

  it("ordinary words are not an instruction", () => {
    expect(hasOptOutInstruction("Arrêt de service le 24 décembre, on ne stoppe pas les rendez-vous")).toBe(false);
  });
});
