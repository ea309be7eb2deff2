"use client";

import { Reply, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteNote } from "@/lib/notes/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogTrigger } from "@/components/ui/dialog";
import { useErrorText } from "@/components/ui/use-error-text";

/** Asks the composer to answer a note: it switches to a note mentioning the author. */
export const REPLY_TO_NOTE_EVENT = "parley:reply-to-note";
export type ReplyToNote = { noteId: string; authorName: string };

export function NoteActions({ noteId, authorName, canDelete }: { noteId: string; authorName: string; canDelete: boolean }) {
  const t = useTranslations("notes");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded px-1 text-[11px] text-amber-800 hover:bg-amber-100"
        onClick={() => window.dispatchEvent(new CustomEvent<ReplyToNote>(REPLY_TO_NOTE_EVENT, { detail: { noteId, authorName } }))}
      >
        <Reply className="h-3 w-3" aria-hidden />
        {t("reply")}
      </button>
      {canDelete ? (
        <ConfirmDialog
          trigger={
            <DialogTrigger className="inline-flex items-center gap-1 rounded px-1 text-[11px] text-amber-800 hover:bg-amber-100" aria-label={t("delete")}>
              <Trash2 className="h-3 w-3" aria-hidden />
            </DialogTrigger>
          }
          title={t("deleteTitle")}
          description={t("deleteDescription")}
          confirmLabel={t("delete")}
          cancelLabel={t("cancel")}
          pending={pending}
          error={error}
          onConfirm={() =>
            startTransition(async () => {
              const result = await deleteNote({ id: noteId });
              if (!result.ok) return setError(errorText(result.error));
              router.refresh();
            })
          }
        />
      ) : null}
    </span>
  );
}
