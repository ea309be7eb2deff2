import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { EMOJI_CATEGORIES, emojiDataFor } from "./emoji-picker";

describe("emoji picker language", () => {
  it("gives the French UI the French dataset, with French category names", async () => {
    const load = emojiDataFor("fr");
    expect(load).toBeDefined();
    const loaded = await load!();
    const data = "default" in loaded ? loaded.default : loaded;
    expect(data.categories.smileys_people?.name).toBe("personnes et corps");
  });

  it("keeps the bundled English dataset for English", () => {
    expect(emojiDataFor("en")).toBeUndefined();
  });
});

describe("emoji picker sections", () => {
  it.each([
    ["fr", fr],
    ["en", en],
  ])("are named in %s, in sentence case, for every section the picker shows", (_locale, messages) => {
    const names = messages.composer.emojiCategories as Record<string, string>;
    for (const category of EMOJI_CATEGORIES) {
      const name = names[category];
      expect(name).toBeTruthy();
      // "Personnes Et Corps" was the picker capitalising every word of the dataset's name.
      expect(name!.slice(1)).toBe(name!.slice(1).toLowerCase());
      expect(name![0]).toBe(name![0]!.toUpperCase());
    }
  });
});
