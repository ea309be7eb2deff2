"use client";

import { Ban, Loader2, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { sendReplyAction } from "@/app/(app)/conversations/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useErrorText } from "@/components/ui/use-error-text";
import { countSegments } from "@/lib/messaging/segments";

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

/** The reply box: live segment counter, Ctrl/⌘+Enter sends; blocked with a reason when sending is impossible. */
export function Composer({ conversationId, blockedReason }: { conversationId: string; blockedReason: string | null }) {
  const t = useTranslations("composer");
  const errorText = useErrorText();
  const router = useRouter();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const field = useRef<HTMLTextAreaElement>(null);

  if (blockedReason) {
    return (
      <div className="flex items-start gap-2.5 border-t border-slate-200 bg-slate-50 px-4 py-4 text-sm text-slate-600" data-testid="composer-blocked">
        <Ban className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
        <p>{errorText(`sendRefusal.${blockedReason}`)}</p>
      </div>
    );
  }

  const send = () => {
    if (!text.trim() || pending) return;
    startTransition(async () => {
      const result = await sendReplyAction({ conversationId, body: text });
      if (!result.ok) return setError(errorText(result.fieldErrors?.body?.[0] ?? result.error));
      setError(undefined);
      setText("");
      router.refresh();
      field.current?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      send();
    }
    if (event.key === "Escape") field.current?.blur();
  };

  return (
    <div className="border-t border-slate-200 bg-white px-3 pt-3 pb-3 sm:px-4">
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <div className="rounded-xl ring-1 ring-slate-300 focus-within:ring-2 focus-within:ring-brand-500">
        <textarea
          ref={field}
          id="reply"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          rows={3}
          placeholder={t("placeholder")}
          aria-label={t("label")}
          className="block max-h-60 min-h-20 w-full resize-y rounded-xl border-0 bg-transparent px-3 py-2.5 text-sm text-slate-900 placeholder:text-slate-400 focus:ring-0 focus:outline-none"
          data-testid="reply-field"
        />
        <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-3 py-2">
          <SegmentCounter text={text} />
          <Button size="sm" onClick={send} disabled={pending || !text.trim()} data-testid="send-reply">
            {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : <Send className="h-4 w-4" aria-hidden />}
            {t("send")}
          </Button>
        </div>
      </div>
      <p className="mt-1.5 hidden text-xs text-slate-400 sm:block">{t("hint")}</p>
    </div>
  );
}
