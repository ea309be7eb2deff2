"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Mentionable } from "@/components/composer/mention-list";
import type { Mentions } from "@/components/composer/serialize";
import { TemplateEditor, type TemplateEditorHandle } from "@/components/composer/template-editor";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { addResultNote } from "@/lib/automations/results-actions";
import type { ResultNoteRow } from "@/lib/automations/results-view";

/** An internal note on one result; `@` mentions a teammate or a team, who are notified. */
export function ResultNoteForm({ resultId, mentionables, authorName, onAdded }: { resultId: string; mentionables: Mentionable[]; authorName: string; onAdded: (note: ResultNoteRow) => void }) {
  const t = useTranslations("automations.results");
  const router = useRouter();
  const editor = useRef<TemplateEditorHandle>(null);
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<Mentions>({ userIds: [], teamIds: [] });
  const { run, pending, error, fieldError } = useAction();
  const submit = () => {
    const text = body.trim();
    if (!text || pending) return;
    run(
      () => addResultNote({ resultId, body: text, mentions }),
      ({ id }) => {
        onAdded({ id, resultId, body: text, authorName, createdAt: new Date().toISOString() });
        editor.current?.setText("");
        setBody("");
        setMentions({ userIds: [], teamIds: [] });
        router.refresh();
      },
    );
  };
  return (
    <div className="space-y-2">
      <div className="rounded-xl bg-white ring-1 ring-amber-300 focus-within:ring-2 focus-within:ring-amber-500">
        <TemplateEditor
          ref={editor}
          id={`result-note-${resultId}`}
          testId="result-note-field"
          label={t("noteLabel")}
          placeholder={t("notePlaceholder")}
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
        <p className="hidden text-xs text-slate-500 sm:block">{t("noteHint")}</p>
        <Button size="sm" variant="secondary" onClick={submit} disabled={!body.trim()} pending={pending} data-testid="result-note-submit">
          {t("addNote")}
        </Button>
      </div>
    </div>
  );
}
