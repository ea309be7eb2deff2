"use client";

import { Smile } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { toolbarButton } from "./attribute-picker";

// The picker is heavy; it loads when first opened. Native emoji: nothing is fetched.
const EmojiPicker = dynamic(() => import("./emoji-picker"), { ssr: false, loading: () => <div className="h-[380px] w-[320px]" /> });

/** EDIT-3: a searchable picker with recently used emoji; the counter shows what it costs. */
export function EmojiButton({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const t = useTranslations("composer");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger className={toolbarButton} aria-label={t("insertEmoji")} title={t("insertEmoji")} disabled={disabled} data-testid="emoji-button">
        <Smile className="h-4 w-4" aria-hidden />
      </PopoverTrigger>
      <PopoverContent className="w-auto p-0" onCloseAutoFocus={(event) => event.preventDefault()}>
        {/* As wide as the picker: the advice wraps rather than stretching the popover. */}
        <p className="w-[320px] border-b border-slate-100 px-3 py-2 text-xs text-slate-500">{t("emojiAdvice")}</p>
        <EmojiPicker
          locale={locale}
          categoryName={(category) => t(`emojiCategories.${category}`)}
          searchPlaceholder={t("searchEmoji")}
          onPick={(emoji) => {
            onPick(emoji);
            setOpen(false);
          }}
        />
      </PopoverContent>
    </Popover>
  );
}
