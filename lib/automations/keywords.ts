import type { KeywordResponse } from "@/db/schema";

/**
 * A text as comparable words: lower case, accents and punctuation dropped, so "D'accord!"
 * and "d accord" match "D'accord", "bien sur" matches "Bien sûr" (AUTO-5).
 */
export function keywordWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** Whether the keyword (one or more words) appears in the text as whole words. */
export function containsKeyword(textWords: string[], keyword: string): boolean {
  const words = keywordWords(keyword);
  if (words.length === 0) return false;
  for (let start = 0; start + words.length <= textWords.length; start++) {
    if (words.every((word, offset) => textWords[start + offset] === word)) return true;
  }
  return false;
}

/** The first response, in the automation's order, with a keyword in the text; null if none. */
export function matchKeywordResponse<T extends Pick<KeywordResponse, "keywords">>(responses: readonly T[], text: string): T | null {
  const words = keywordWords(text);
  if (words.length === 0) return null;
  return responses.find((response) => response.keywords.some((keyword) => containsKeyword(words, keyword))) ?? null;
}

/**
 * Keywords used by two responses (compared as the matcher compares them): the wizard
 * refuses them, since only the first response could ever answer.
 */
export function duplicateKeywords(responses: readonly Pick<KeywordResponse, "keywords">[]): string[] {
  const owner = new Map<string, number>();
  const duplicates = new Set<string>();
  responses.forEach((response, index) => {
    for (const keyword of response.keywords) {
      const key = keywordWords(keyword).join(" ");
      if (!key) continue;
      const first = owner.get(key);
      if (first !== undefined && first !== index) duplicates.add(keyword);
      else owner.set(key, index);
    }
  });
  return [...duplicates];
}

/** The variants the wizard suggests for a "yes" response. */
export const YES_SUGGESTIONS = ["Oui", "Yes", "OK", "D'accord", "Bien sûr"];
