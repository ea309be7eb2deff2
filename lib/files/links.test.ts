import { countSegments } from "@/lib/messaging/segments";
import { withFileLinks, withFutureFileLinks } from "./links";

describe("counting a text with attached files", () => {
  it("counts the links that will be appended, as long as the real ones", () => {
    const text = "Bonjour, voici votre facture et le bon de travail.";
    const real = withFileLinks(text, ["https://parley.example/f/AbCdEfGhIjKlMnOpQrStUvWxYz012345", "https://parley.example/f/zyxwvutsrqponmlkjihgfedcba-_9876"]);
    const counted = withFutureFileLinks(text, 2, "https://parley.example");
    expect(counted).toHaveLength(real.length);
    expect(countSegments(counted)).toEqual(countSegments(real));
    expect(countSegments(counted).segments).toBeGreaterThan(countSegments(text).segments);
  });
});
