/**
 * Badge counts stop at COUNT_CAP: counting every open conversation of a 100k-conversation
 * company took ~40 ms per page, and nobody reads "48,213" differently from "999+".
 */
export const COUNT_CAP = 1000;

/** The bell's unread count stops at BELL_COUNT_CAP and reads "99+" there. */
export const BELL_COUNT_CAP = 100;

/** "99+" once the bell's capped count reached its cap, else the number. */
export const bellCountLabel = (value: number) => (value >= BELL_COUNT_CAP ? `${BELL_COUNT_CAP - 1}+` : String(value));

/** "999+" once a capped count reached the cap, else the number in the viewer's locale. */
export function cappedCountLabel(value: number, locale?: string) {
  return value >= COUNT_CAP ? `${(COUNT_CAP - 1).toLocaleString(locale)}+` : value.toLocaleString(locale);
}
