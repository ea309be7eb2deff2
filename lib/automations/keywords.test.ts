import { duplicateKeywords, keywordWords, matchKeywordResponse } from "./keywords";
import { offlineSentiment, scoreFromReply } from "./sentiment";

const responses = [
  { id: "yes", keywords: ["Oui", "Yes", "OK", "D'accord", "Bien sûr"] },
  { id: "no", keywords: ["Non", "No"] },
  { id: "later", keywords: ["Plus tard", "reporter"] },
];

describe("keyword matching", () => {
  it.each([
    ["OUI", "yes"],
    ["oui!!!", "yes"],
    ["d accord", "yes"],
    ["D’accord, merci", "yes"],
    ["bien sur", "yes"],
    ["Ok.", "yes"],
    ["non merci", "no"],
    ["Je préfère plus tard", "later"],
    ["PLUS-TARD", "later"],
  ])("%s → %s", (text, id) => {
    expect(matchKeywordResponse(responses, text)?.id).toBe(id);
  });

  it("matches whole words only, and nothing in an empty text", () => {
    expect(matchKeywordResponse(responses, "Nonobstant")).toBeNull();
    expect(matchKeywordResponse(responses, "bonjour")).toBeNull();
    expect(matchKeywordResponse(responses, "Okay")).toBeNull();
    expect(matchKeywordResponse(responses, "  !! ")).toBeNull();
  });

  it("the first response in order wins when several match", () => {
    expect(matchKeywordResponse(responses, "non, oui")!.id).toBe("yes");
    expect(matchKeywordResponse([responses[1]!, responses[0]!], "non, oui")!.id).toBe("no");
  });

  it("finds a keyword used in two responses, as the matcher compares them", () => {
    expect(duplicateKeywords([{ keywords: ["Oui", "OK"] }, { keywords: ["oui!", "Non"] }])).toEqual(["oui!"]);
    expect(duplicateKeywords(responses)).toEqual([]);
    expect(keywordWords("Bien sûr!")).toEqual(["bien", "sur"]);
  });
});

describe("scores and offline sentiment", () => {
  it.each([
    ["9", 9],
    ["10, merci!", 10],
    ["je donne 8/10", 8],
    ["7 sur 10", 7],
    ["4 out of 5", 8],
    ["Merci", null],
    ["99", null],
    ["2,5", null],
  ])("%s → score %s out of 10", (text, score) => {
    expect(scoreFromReply(text, 10)).toBe(score);
  });

  it("no scale, no score", () => {
    expect(scoreFromReply("9", null)).toBeNull();
  });

  it.each([
    ["Service horrible, très déçu", "fr", "negative"],
    ["c'est nul et décevant", "fr", "negative"],
    ["Excellent travail, très satisfait", "fr", "positive"],
    ["Merci beaucoup!", "fr", "positive"],
    ["Terrible service, very disappointed", "en", "negative"],
    ["Great job, thank you", "en", "positive"],
    ["Demain 14 h", "fr", "neutral"],
  ] as const)("%s → %s", (text, language, sentiment) => {
    expect(offlineSentiment(text, { language }).sentiment).toBe(sentiment);
  });

  it("a score decides over words", () => {
    expect(offlineSentiment("Merci, 3/10", { language: "fr", scale: 10 })).toMatchObject({ sentiment: "negative", score: 3, source: "score" });
  });
});
