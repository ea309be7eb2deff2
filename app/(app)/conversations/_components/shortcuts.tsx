"use client";

import { Keyboard } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";

const SHORTCUTS = [
  ["j / k", "move"],
  ["Enter", "open"],
  ["r", "reply"],
  ["e", "closeConversation"],
  ["/", "search"],
  ["Ctrl + Enter", "send"],
  ["?", "help"],
] as const;

const inField = (target: EventTarget | null) =>
  Boolean((target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable=true], [role=menu], [role=dialog]"));

/** `?` lists the inbox shortcuts; `r` jumps to the reply box. */
export function InboxShortcuts() {
  const t = useTranslations("shortcuts");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || inField(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === "r") {
        const reply = document.getElementById("reply");
        if (reply) {
          event.preventDefault();
          reply.focus();
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent title={t("title")} closeLabel={t("close")}>
        <ul className="divide-y divide-slate-100">
          {SHORTCUTS.map(([keys, action]) => (
            <li key={keys} className="flex items-center justify-between py-2.5 text-sm">
              <span className="text-slate-700">{t(action)}</span>
              <kbd className="rounded-md border border-slate-300 bg-slate-50 px-2 py-0.5 font-mono text-xs text-slate-700">{keys}</kbd>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex items-center gap-1.5 text-xs text-slate-500">
          <Keyboard className="h-3.5 w-3.5" aria-hidden />
          {t("hint")}
        </p>
      </DialogContent>
    </Dialog>
  );
}
