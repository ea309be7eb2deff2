import { emojiDataFor } from "./emoji-picker";

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
