import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * DejaVu Sans covers Latin with every accent; Noto Emoji (monochrome, as Fontsource ships
 * it in 11 unicode-range subsets) draws emoji. Files are read from node_modules at run
 * time, as pdfkit is not bundled (serverExternalPackages).
 */
const modules = () => path.join(process.cwd(), "node_modules");
const EMOJI_SUBSETS = 11;

export const BODY_FONT = "body";
export const BOLD_FONT = "bold";

type Ranges = { lo: number; hi: number; subset: number }[];
type Fonts = { files: Map<string, Buffer>; emojiRanges: Ranges };

let loaded: Fonts | undefined;

function parseRanges(unicode: Record<string, string>): Ranges {
  const ranges: Ranges = [];
  for (const [key, value] of Object.entries(unicode)) {
    const subset = Number(key.replace(/\D/g, ""));
    for (const part of value.split(",")) {
      const [lo, hi = lo] = part.trim().replace(/^U\+/i, "").split("-");
      ranges.push({ lo: parseInt(lo!, 16), hi: parseInt(hi!, 16), subset });
    }
  }
  return ranges;
}

function fonts(): Fonts {
  if (loaded) return loaded;
  const dejavu = path.join(modules(), "dejavu-fonts-ttf", "ttf");
  const emoji = path.join(modules(), "@fontsource", "noto-emoji");
  const files = new Map<string, Buffer>([
    [BODY_FONT, readFileSync(path.join(dejavu, "DejaVuSans.ttf"))],
    [BOLD_FONT, readFileSync(path.join(dejavu, "DejaVuSans-Bold.ttf"))],
  ]);
  for (let subset = 0; subset < EMOJI_SUBSETS; subset++) files.set(`emoji-${subset}`, readFileSync(path.join(emoji, "files", `noto-emoji-${subset}-400-normal.woff`)));
  loaded = { files, emojiRanges: parseRanges(JSON.parse(readFileSync(path.join(emoji, "unicode.json"), "utf8")) as Record<string, string>) };
  return loaded;
}

/** Every font of the export, to register on a new document. */
export function fontFiles() {
  return fonts().files;
}

// Below U+2190 (digits, #, *, ©…) DejaVu has the glyph; emoji start above.
const MAYBE_EMOJI = /[\u2190-\u2bff\u3030\u303d\u3297\u3299\u{1f000}-\u{1faff}]/u;
const isJoiner = (cp: number) => cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f) || cp === 0x20e3;

function emojiSubset(cp: number) {
  if (cp < 0x2190) return undefined;
  return fonts().emojiRanges.find((range) => cp >= range.lo && cp <= range.hi)?.subset;
}

export type FontRun = { font: string; text: string };

/** The text cut into runs of one font each: emoji (with their joiners and skin tones) in Noto Emoji, the rest in DejaVu. */
export function fontRuns(text: string, font = BODY_FONT): FontRun[] {
  if (!MAYBE_EMOJI.test(text)) return [{ font, text }];
  const runs: FontRun[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const last = runs.at(-1);
    const subset = emojiSubset(cp);
    const joiner = isJoiner(cp);
    // A variation selector after plain text (a keycap, "1️") has no glyph in DejaVu: drop it rather than draw a box.
    if (joiner && (!last || last.font === font) && cp >= 0xfe00 && cp <= 0xfe0f) continue;
    const runFont = joiner && last ? last.font : subset === undefined ? font : `emoji-${subset}`;
    if (last?.font === runFont) last.text += char;
    else runs.push({ font: runFont, text: char });
  }
  return runs;
}
