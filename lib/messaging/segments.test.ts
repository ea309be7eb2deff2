import { countSegments, isGsm7 } from "./segments";

describe("countSegments", () => {
  it("fits 160 GSM-7 characters in one segment and splits longer text in 153s", () => {
    expect(countSegments("a".repeat(160))).toMatchObject({ encoding: "GSM-7", segments: 1, units: 160, remaining: 0 });
    expect(countSegments("a".repeat(161))).toMatchObject({ segments: 2, units: 161 });
    expect(countSegments("a".repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSegments("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("counts extension characters as two and never splits one across segments", () => {
    expect(countSegments("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(countSegments("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 septets then an escape pair: the pair moves whole to the second segment,
    // so 306 septets take three segments, not two.
    expect(countSegments("a".repeat(152) + "{" + "a".repeat(152))).toMatchObject({ units: 306, segments: 3 });
  });

  it("keeps French letters that GSM-7 has (é, è, à, ù, Ç) in GSM-7", () => {
    expect(countSegments("Déjà vu à l'été, Ça va très bien où?")).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });

  it.each(["ê", "â", "ô", "î", "û", "ç"])("switches to UCS-2 for %s", (letter) => {
    const result = countSegments(`Votre rendez-vous ${letter}`);
    expect(result.encoding).toBe("UCS-2");
    expect(result.unicodeCharacters).toEqual([letter]);
  });

  it("fits 70 UCS-2 characters in one segment and splits longer text in 67s", () => {
    expect(countSegments("ê".repeat(70))).toMatchObject({ encoding: "UCS-2", segments: 1, remaining: 0 });
    expect(countSegments("ê".repeat(71))).toMatchObject({ segments: 2 });
    expect(countSegments("ê".repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSegments("ê".repeat(135))).toMatchObject({ segments: 3 });
  });

  it("counts an emoji as two UTF-16 units and keeps it whole", () => {
    expect(countSegments("👍")).toMatchObject({ encoding: "UCS-2", units: 2, segments: 1 });
    expect(countSegments("a".repeat(66) + "👍")).toMatchObject({ units: 68, segments: 1 });
    expect(countSegments("a".repeat(66) + "👍👍")).toMatchObject({ units: 70, segments: 1 });
    expect(countSegments("a".repeat(66) + "👍👍👍")).toMatchObject({ units: 72, segments: 2, remaining: 67 - 6 });
  });

  it("counts an empty message as no segment", () => {
    expect(countSegments("")).toMatchObject({ segments: 0, encoding: "GSM-7" });
    expect(isGsm7("Hello [world]")).toBe(true);
  });
});
