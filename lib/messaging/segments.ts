/**
 * SMS segment counting (PLAT-1). GSM-7 messages hold 160 characters, or 153 per part
 * when split; characters of the GSM extension table take two. Anything outside GSM-7
 * (ê, â, î, ô, û, ç, emoji…) switches the whole message to UCS-2: 70, or 67 per part,
 * counted in UTF-16 code units.
 */

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type Encoding = "GSM-7" | "UCS-2";

export type SegmentCount = {
  encoding: Encoding;
  segments: number;
  /** Characters used, in the encoding's units (septets or UTF-16 code units). */
  units: number;
  /** Units left before the message needs another segment. */
  remaining: number;
  /** The characters that forced UCS-2, if any. */
  unicodeCharacters: string[];
};

export function isGsm7(text: string): boolean {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return false;
  return true;
}

/** Splits unit sizes into segments of `perPart` without splitting one character. */
function packSegments(sizes: number[], single: number, perPart: number) {
  const units = sizes.reduce((sum, size) => sum + size, 0);
  if (units <= single) return { units, segments: units === 0 ? 0 : 1, remaining: single - units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perPart) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { units, segments, remaining: perPart - used };
}

export function countSegments(text: string): SegmentCount {
  const characters = Array.from(text);
  const unicodeCharacters = [...new Set(characters.filter((c) => !basic.has(c) && !extension.has(c)))];
  if (unicodeCharacters.length === 0) {
    const sizes = characters.map((c) => (extension.has(c) ? 2 : 1));
    return { encoding: "GSM-7", ...packSegments(sizes, 160, 153), unicodeCharacters };
  }
  const sizes = characters.map((c) => c.length);
  return { encoding: "UCS-2", ...packSegments(sizes, 70, 67), unicodeCharacters };
}
