"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { countSegments } from "@/lib/messaging/segments";

/** Segments, characters left and encoding of the text as it will be sent. */
export function SegmentCounter({ text }: { text: string }) {
  const t = useTranslations("composer");
  const count = useMemo(() => countSegments(text), [text]);
  return (
    <span className="text-xs text-slate-500 tabular-nums" data-testid="segment-counter" aria-live="polite">
      {t("segments", { count: count.segments })} · {count.remaining} {t("left")} ·{" "}
      <span className={cn(count.encoding === "UCS-2" && "font-medium text-amber-700")} title={count.unicodeCharacters.length ? t("ucs2Because", { characters: count.unicodeCharacters.join(" ") }) : undefined}>
        {count.encoding}
        {count.unicodeCharacters.length ? ` (${count.unicodeCharacters.slice(0, 3).join(" ")})` : ""}
      </span>
    </span>
  );
}
