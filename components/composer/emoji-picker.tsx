"use client";

import EmojiPickerReact, { EmojiStyle, SuggestionMode } from "emoji-picker-react";

export default function EmojiPicker({ onPick, searchPlaceholder }: { onPick: (emoji: string) => void; searchPlaceholder: string; locale: string }) {
  return (
    <EmojiPickerReact
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
