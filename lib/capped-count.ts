/**
 * Badge counts stop at COUNT_CAP: counting every open conversation of a 100k-conversation
 * company took ~40 ms per page, and nobody reads "48,213" differently from "999+".
 */
export const COUNT_CAP = 1000;

/** The bell's unread count stops at BELL_COUNT_CAP and reads "99+" there. */
export const BELL_COUNT_CAP = 100;

/** "999+" once a count capped at `cap` reached it, else the number in the viewer's locale. */
export function cappedCountLabel(value: number, locale?: string, cap = COUNT_CAP) {
  return value >= cap ? `${(cap - 1).toLocaleString(locale)}+` : value.toLocaleString(locale);
}

/** The bell's "99+". */
export function bellCountLabel(value: number) {
  return cappedCountLabel(value, undefined, BELL_COUNT_CAP);
}
