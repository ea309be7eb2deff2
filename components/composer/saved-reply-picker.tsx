"use client";

import { FileText, Plus, Settings2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { createSavedReply, searchSavedReplies } from "@/lib/saved-replies/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { SearchInput } from "@/components/ui/search-input";
import { useErrorText } from "@/components/ui/use-error-text";
import { toolbarButton } from "@/components/composer/attribute-picker";

type Reply = { id: string; title: string; body: string };

/** EDIT-4: search and insert a saved reply; editors can save the current text as one. */
export function SavedReplyPicker({ onPick, currentText, canEdit, disabled }: { onPick: (body: string) => void; currentText: string; canEdit: boolean; disabled?: boolean }) {
  const t = useTranslations("composer");
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [replies, setReplies] = useState<Reply[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(
      () =>
        startTransition(async () => {
          const result = await searchSavedReplies({ query });
          if (result.ok) setReplies(result.data);
        }),
      150,
    );
    return () => clearTimeout(timer);
  }, [open, query]);

  const saveCurrent = (title: string) =>
    startTransition(async () => {
      const result = await createSavedReply({ title, body: currentText });
      if (!result.ok) return setError(errorText(result.fieldErrors?.title?.[0] ?? result.fieldErrors?.body?.[0] ?? result.error, result.values));
      setError(undefined);
      setSaving(false);
      setQuery("");
      setReplies((list) => [...list, result.data]);
    });

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger className={toolbarButton} aria-label={t("savedReplies")} title={t("savedReplies")} disabled={disabled} data-testid="saved-reply-picker">
        <FileText className="h-4 w-4" aria-hidden />
      </PopoverTrigger>
      <PopoverContent className="w-96 p-2" onCloseAutoFocus={(event) => event.preventDefault()}>
        <div className="mb-2 flex items-center gap-2">
          <div className="flex-1">
            <SearchInput value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t("searchSavedReplies")} autoFocus />
          </div>
          {canEdit ? (
            <Link href="/company/saved-replies" className={toolbarButton} aria-label={t("manageSavedReplies")} title={t("manageSavedReplies")}>
              <Settings2 className="h-4 w-4" aria-hidden />
            </Link>
          ) : null}
        </div>
        <ul className="max-h-72 overflow-y-auto" aria-busy={pending}>
          {replies.map((reply) => (
            <li key={reply.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(reply.body);
                  setOpen(false);
                }}
                className="w-full rounded-lg px-2.5 py-2 text-left hover:bg-slate-100"
                data-testid="saved-reply-option"
              >
                <span className="block text-sm font-medium text-slate-900">{reply.title}</span>
                <span className="line-clamp-2 block text-xs text-slate-500">{reply.body}</span>
              </button>
            </li>
          ))}
          {!pending && replies.length === 0 ? <li className="px-2 py-4 text-center text-sm text-slate-500">{t("noSavedReply")}</li> : null}
        </ul>
        {canEdit && currentText.trim() ? (
          <div className="mt-2 border-t border-slate-100 pt-2">
            {saving ? (
              <form
                className="flex gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  saveCurrent(String(new FormData(event.currentTarget).get("title") ?? ""));
                }}
              >
                <Input name="title" placeholder={t("savedReplyTitle")} aria-label={t("savedReplyTitle")} className="h-8" autoFocus />
                <Button type="submit" size="sm" disabled={pending}>
                  {t("save")}
                </Button>
              </form>
            ) : (
              <Button variant="ghost" size="sm" onClick={() => setSaving(true)} className="w-full">
                <Plus className="h-4 w-4" aria-hidden />
                {t("saveAsReply")}
              </Button>
            )}
            {error ? (
              <p role="alert" className="mt-1 text-xs text-red-600">
                {error}
              </p>
            ) : null}
          </div>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}
