import { canonicalLanguageCode, frenchElision, languageLabel, languageOptions, resolveLanguage, searchLanguages } from "./languages";

const codes = (query: string, locale: string) => searchLanguages(query, locale).map((option) => option.code);

describe("the list of languages to translate into", () => {
  it("holds about a hundred languages named in the reader's language", () => {
    const fr = languageOptions("fr");
    expect(fr.length).toBeGreaterThanOrEqual(100);
    expect(fr.find((o) => o.code === "es")).toEqual({ code: "es", name: "Espagnol", native: "español" });
    expect(languageOptions("en").find((o) => o.code === "es")).toEqual({ code: "es", name: "Spanish", native: "español" });
    expect(new Set(fr.map((o) => o.name)).size).toBe(fr.length);
    // Alphabetical in the reader's language, accents sorted as French sorts them.
    expect(fr.findIndex((o) => o.code === "et")).toBeGreaterThan(fr.findIndex((o) => o.code === "es"));
  });

  it("finds Spanish from French and English names, its own name or its code, ignoring case and accents", () => {
    for (const locale of ["fr", "en"]) {
      expect(codes("espa", locale)[0]).toBe("es");
      expect(codes("espagnol", locale)[0]).toBe("es");
      expect(codes("Spanish", locale)[0]).toBe("es");
      expect(codes("ESPANOL", locale)[0]).toBe("es");
      expect(codes("es", locale)[0]).toBe("es");
    }
    expect(codes("vietnam", "fr")).toEqual(["vi"]);
    expect(codes("tieng viet", "en")).toEqual(["vi"]);
    expect(codes("creole", "fr")).toContain("ht");
    expect(codes("haitien", "fr")).toContain("ht");
    expect(codes("coreen", "fr")).toEqual(["ko"]);
    expect(codes("zzzz", "en")).toEqual([]);
    expect(codes("", "en")).toHaveLength(languageOptions("en").length);
  });

  it("turns what a user typed into a code of the list, keeps another language's name, refuses the rest", () => {
    expect(resolveLanguage("ES")).toBe("es");
    expect(resolveLanguage("zh-hant")).toBe("zh-Hant");
    expect(resolveLanguage("Espagnol")).toBe("es");
    expect(resolveLanguage("español")).toBe("es");
    expect(resolveLanguage("Tiếng Việt")).toBe("vi");
    expect(resolveLanguage("  Créole   haïtien ")).toBe("ht");
    expect(resolveLanguage("Mi'kmaq")).toBe("Mi'kmaq");
    expect(resolveLanguage("<script>")).toBeUndefined();
    expect(resolveLanguage("42")).toBeUndefined();
    expect(resolveLanguage("a")).toBeUndefined();
    expect(canonicalLanguageCode("xx")).toBeUndefined();
  });

  it("names a stored language in a sentence of the reader's language", () => {
    expect(languageLabel("es", "fr")).toBe("espagnol");
    expect(languageLabel("es", "en")).toBe("Spanish");
    expect(languageLabel("Mi'kmaq", "fr")).toBe("Mi'kmaq");
    expect(languageLabel("Français", "en")).toBe("Français");
    expect(languageLabel(null, "en")).toBe("");
    expect(frenchElision("espagnol")).toBe("vowel");
    expect(frenchElision("hindi")).toBe("vowel");
    expect(frenchElision("vietnamien")).toBe("other");
  });
});
