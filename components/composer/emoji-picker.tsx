"use client";

import EmojiPickerReact, { EmojiStyle, SuggestionMode } from "emoji-picker-react";

// Hoisted: a new loader identity would load the dataset again. Categories and search names come with it.
const loadFrenchEmoji = () => import("emoji-picker-react/data/emojis-fr");

/** The picker's dataset for the UI language; undefined keeps the bundled English one. */
export function emojiDataFor(locale: string) {
  return locale.startsWith("fr") ? loadFrenchEmoji : undefined;
}

export default function EmojiPicker({ onPick, searchPlaceholder, locale }: { onPick: (emoji: string) => void; searchPlaceholder: string; locale: string }) {
  return (
    <EmojiPickerReact
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
