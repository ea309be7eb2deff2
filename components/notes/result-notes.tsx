"use client";

import { StickyNote } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Mentionable } from "@/components/composer/mention-list";
import type { Mentions } from "@/components/composer/serialize";
import { TemplateEditor, type TemplateEditorHandle } from "@/components/composer/template-editor";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/result";

export type ResultNote = { id: string; body: string; authorName: string | null; createdAt: string };
/** The server action that stores a note on one result (an automation result, a campaign recipient). */
export type SaveResultNote = (input: { body: string; mentions: Mentions }) => Promise<ActionResult<{ id: string }>>;

/** "Note" / "2 notes": opens the notes under a result row. */
export function ResultNotesToggle({ count, open, onToggle, controls }: { count: number; open: boolean; onToggle: () => void; controls: string }) {
  const t = useTranslations("notes.results");
  return (
    <Button variant="ghost" size="sm" onClick={onToggle} aria-expanded={open} aria-controls={controls} data-testid="result-notes-toggle">
      <StickyNote className="h-4 w-4" aria-hidden />
      {count > 0 ? t("count", { count }) : t("add")}
    </Button>
  );
}

/**
 * The internal notes on one result, then a field to add one; `@` mentions a teammate or
 * a team, whom the action notifies.
 */
export function ResultNotesPanel({
  id,
  notes,
  mentionables,
  authorName,
  save,
  onAdded,
}: {
  id: string;
  notes: ResultNote[];
  mentionables: Mentionable[];
  authorName: string;
  save: SaveResultNote;
  onAdded: (note: ResultNote) => void;
}) {
  const t = useTranslations("notes.results");
  const tThread = useTranslations("thread");
  const format = useFormatter();
  const router = useRouter();
  const editor = useRef<TemplateEditorHandle>(null);
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<Mentions>({ userIds: [], teamIds: [] });
  const { run, pending, error, fieldError } = useAction();
  const submit = () => {
    const text = body.trim();
    if (!text || pending) return;
    run(
      () => save({ body: text, mentions }),
      (saved) => {
        onAdded({ id: saved.id, body: text, authorName, createdAt: new Date().toISOString() });
        editor.current?.setText("");
        setBody("");
        setMentions({ userIds: [], teamIds: [] });
        router.refresh();
      },
    );
  };
  return (
    <div id={id} className="mt-3 space-y-2 rounded-xl bg-amber-50/60 p-3 ring-1 ring-amber-200" data-testid="result-notes">
      {notes.map((note) => (
        <div key={note.id} className="rounded-lg bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-amber-100" data-testid="result-note">
          <p className="text-xs font-medium text-amber-800">
            {tThread("noteBy", { name: note.authorName ?? "—" })} · <span className="font-normal text-slate-500">{format.dateTime(new Date(note.createdAt), { dateStyle: "medium", timeStyle: "short" })}</span>
          </p>
          <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{note.body}</p>
        </div>
      ))}
      <div className="rounded-xl bg-white ring-1 ring-amber-300 focus-within:ring-2 focus-within:ring-amber-500">
        <TemplateEditor
          ref={editor}
          id={`${id}-field`}
          testId="result-note-field"
          label={t("label")}
          placeholder={t("placeholder")}
          mentionables={mentionables}
          onChange={(text, found) => {
            setBody(text);
            setMentions(found);
          }}
          onSubmit={submit}
        />
      </div>
      {error || fieldError("body") ? <p className="text-sm text-red-600">{error ?? fieldError("body")}</p> : null}
      <div className="flex items-center justify-between gap-2">
        <p className="hidden text-xs text-slate-500 sm:block">{t("hint")}</p>
        <Button size="sm" variant="secondary" onClick={submit} disabled={!body.trim()} pending={pending} data-testid="result-note-submit">
          {t("add")}
        </Button>
      </div>
    </div>
  );
}
