"use client";

import EmojiPickerReact, { Categories, EmojiStyle, SuggestionMode } from "emoji-picker-react";

// Hoisted: a new loader identity would load the dataset again. Categories and search names come with it.
const loadFrenchEmoji = () => import("emoji-picker-react/data/emojis-fr");

/** The picker's dataset for the UI language; undefined keeps the bundled English one. */
export function emojiDataFor(locale: string) {
  return locale.startsWith("fr") ? loadFrenchEmoji : undefined;
}

/** The picker's sections, in the order it shows them. */
export const EMOJI_CATEGORIES = [
  Categories.SUGGESTED,
  Categories.SMILEYS_PEOPLE,
  Categories.ANIMALS_NATURE,
  Categories.FOOD_DRINK,
  Categories.TRAVEL_PLACES,
  Categories.ACTIVITIES,
  Categories.OBJECTS,
  Categories.SYMBOLS,
  Categories.FLAGS,
] as const;

/**
 * `categoryName` names each section in the UI's language, in sentence case: the dataset's
 * French names are lower case, and the picker's own capitalising gave "Personnes Et Corps".
 */
export default function EmojiPicker({
  onPick,
  searchPlaceholder,
  locale,
  categoryName,
}: {
  onPick: (emoji: string) => void;
  searchPlaceholder: string;
  locale: string;
  categoryName: (category: (typeof EMOJI_CATEGORIES)[number]) => string;
}) {
  return (
    <EmojiPickerReact
      className="[&_.epr-category-label-appearance]:normal-case!"
      categories={EMOJI_CATEGORIES.map((category) => ({ category, name: categoryName(category) }))}
      emojiData={emojiDataFor(locale)}
      emojiStyle={EmojiStyle.NATIVE}
      suggestedEmojisMode={SuggestionMode.RECENT}
      searchPlaceHolder={searchPlaceholder}
      lazyLoadEmojis
      previewConfig={{ showPreview: false }}
      skinTonesDisabled
      width={320}
      height={380}
      onEmojiClick={(data) => onPick(data.emoji)}
    />
  );
}
