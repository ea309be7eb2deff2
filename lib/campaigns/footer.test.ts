import { appendOptOutFooter, hasOptOutInstruction } from "./footer";

describe("the marketing opt-out footer", () => {
  it("names the company and says how to unsubscribe in the customer's language", () => {
    expect(appendOptOutFooter("Pneus -20 %", { companyName: "Beaulieu", locale: "fr" })).toBe("Pneus -20 %\nBeaulieu: Répondez ARRÊT pour vous désabonner");
    expect(appendOptOutFooter("Tires 20% off", { companyName: "Beaulieu", locale: "en" })).toBe("Tires 20% off\nBeaulieu: Reply STOP to unsubscribe");
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
