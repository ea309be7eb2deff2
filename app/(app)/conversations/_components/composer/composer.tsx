"use client";

import { Ban, Loader2, MessageSquare, Send, StickyNote, X } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { sendReply } from "@/lib/conversations/actions";
import { scheduleMessage } from "@/lib/scheduling/actions";
import { addNote } from "@/lib/notes/actions";
import { REPLY_TO_NOTE_EVENT, type ReplyToNote } from "../note-actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useErrorText } from "@/components/ui/use-error-text";
import { schedulePresets } from "@/lib/scheduling/presets";
import { renderTemplate } from "@/lib/templates/render";
import { AiMenu, type Translation } from "./ai-menu";
import { frenchElision, languageLabel } from "@/lib/ai/languages";
import { AttributeLabels } from "@/components/composer/attribute-token";
import { AttributePicker, type PickerAttribute } from "@/components/composer/attribute-picker";
import { EmojiButton } from "@/components/composer/emoji-button";
import { AttachButton, AttachmentList, useFileAttachments } from "@/components/composer/file-attachments";
import type { Mentionable } from "@/components/composer/mention-list";
import { PaymentRequestButton, ReviewRequestButton } from "./request-buttons";
import { SavedReplyPicker } from "@/components/composer/saved-reply-picker";
import { SegmentCounter } from "@/components/composer/segment-counter";
import { withFutureFileLinks } from "@/lib/files/links";
import type { Mentions } from "@/components/composer/serialize";
import { TemplateEditor, type TemplateEditorHandle } from "@/components/composer/template-editor";
import { ScheduleMenu } from "./schedule-menu";

export type ComposerContext = {
  conversationId: string;
  /** Why a text cannot be sent to this customer (notes still can be written). */
  blockedReason: string | null;
  attributes: PickerAttribute[];
  /** Values of the customer, company and user, to preview and count what will be sent. */
  previewValues: Record<string, string>;
  /** Appended to manual sends (USER-3), or null. */
  signature: string | null;
  /** Where public file links point: attached files are counted as the links they become. */
  appUrl: string;
  mentionables: Mentionable[];
  aiEnabled: boolean;
  canEditSavedReplies: boolean;
  timeZone: string;
  /** Stripe is configured (EDIT-6); otherwise the button explains what to set up. */
  paymentsEnabled: boolean;
  currency: string;
  /** Default texts of payment and review requests, in the customer's language. */
  paymentText: string;
  reviewText: string;
};

/**
 * The one composer (EDIT-*): a reply or an internal note, with attributes, emoji, saved
 * replies, files, AI and scheduling; Ctrl/⌘+Enter sends.
 */
export function Composer({ context }: { context: ComposerContext }) {
  const t = useTranslations("composer");
  const format = useFormatter();
  const locale = useLocale();
  const errorText = useErrorText();
  const router = useRouter();
  const editor = useRef<TemplateEditorHandle>(null);
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [text, setText] = useState("");
  const [mentions, setMentions] = useState<Mentions>({ userIds: [], teamIds: [] });
  const [translation, setTranslation] = useState<Translation | null>(null);
  const files = useFileAttachments();
  const { uploaded, uploading, addFiles } = files;
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [customOpen, setCustomOpen] = useState(false);
  const [replyTo, setReplyTo] = useState<ReplyToNote | null>(null);
  const [pending, startTransition] = useTransition();
  const [now] = useState(() => new Date());
  const note = mode === "note";
  const labels = useMemo(() => new Map(context.attributes.map((a) => [a.path, a.label])), [context.attributes]);

  const preview = useMemo(() => {
    let rendered = text;
    try {
      rendered = renderTemplate(text, (path) => context.previewValues[path]);
    } catch {
      // A half-typed token: count the text as it is.
    }
    const signed = rendered.trim() && context.signature ? `${rendered.trimEnd()}\n${context.signature}` : rendered;
    return files.fileCount ? withFutureFileLinks(signed, files.fileCount, context.appUrl) : signed;
  }, [text, context.previewValues, context.signature, context.appUrl, files.fileCount]);

  // "Reply" on a note: write a note that mentions its author.
  useEffect(() => {
    const onReply = (event: Event) => {
      setReplyTo((event as CustomEvent<ReplyToNote>).detail);
      setMode("note");
      setTimeout(() => editor.current?.focus(), 0);
    };
    window.addEventListener(REPLY_TO_NOTE_EVENT, onReply);
    return () => window.removeEventListener(REPLY_TO_NOTE_EVENT, onReply);
  }, []);

  const reset = () => {
    editor.current?.setText("");
    setText("");
    setTranslation(null);
    files.clear();
    setReplyTo(null);
    setError(undefined);
    router.refresh();
    editor.current?.focus();
  };

  const submit = () => {
    if (!text.trim() || pending || uploading) return;
    startTransition(async () => {
      const result = note
        ? await addNote({ conversationId: context.conversationId, body: text, mentions, attachmentIds: uploaded, replyToNoteId: replyTo?.noteId })
        : await sendReply({
            conversationId: context.conversationId,
            body: text,
            attachmentIds: uploaded,
            original: translation ? { body: translation.original, language: translation.language ?? "" } : undefined,
          });
      if (!result.ok) return setError(errorText(result.fieldErrors?.body?.[0] ?? result.error, result.values));
      setNotice(undefined);
      reset();
    });
  };

  const schedule = (local: string) => {
    if (!text.trim()) return setError(t("writeFirst"));
    startTransition(async () => {
      const result = await scheduleMessage({ conversationId: context.conversationId, body: text, sendAt: local, attachmentIds: uploaded });
      if (!result.ok) return setError(errorText(result.fieldErrors?.sendAt?.[0] ?? result.fieldErrors?.body?.[0] ?? result.error, result.values));
      setNotice(t("scheduledFor", { when: format.dateTime(new Date(result.data.sendAt), { dateStyle: "medium", timeStyle: "short" }) }));
      setCustomOpen(false);
      reset();
    });
  };

  const presets = schedulePresets(now, context.timeZone);
  const blocked = !note && context.blockedReason;

  return (
    <div className={cn("border-t px-3 pt-2 pb-3 sm:px-4", note ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white")}>
      <div className="mb-2 flex items-center gap-1" role="tablist" aria-label={t("modeLabel")}>
        {(["reply", "note"] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={mode === value}
            onClick={() => {
              setMode(value);
              if (value === "reply") setReplyTo(null);
            }}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1 text-xs font-medium",
              mode === value ? (value === "note" ? "bg-amber-200 text-amber-900" : "bg-brand-50 text-brand-700") : "text-slate-500 hover:bg-slate-100",
            )}
            data-testid={`composer-mode-${value}`}
          >
            {value === "note" ? <StickyNote className="h-3.5 w-3.5" aria-hidden /> : <MessageSquare className="h-3.5 w-3.5" aria-hidden />}
            {t(`mode.${value}`)}
          </button>
        ))}
        {note && replyTo ? (
          <span className="ml-2 inline-flex items-center gap-1 rounded-full bg-amber-200 px-2 py-0.5 text-xs text-amber-900" data-testid="replying-to">
            {t("replyingTo", { name: replyTo.authorName })}
            <button type="button" onClick={() => setReplyTo(null)} aria-label={t("cancelReply")}>
              <X className="h-3 w-3" aria-hidden />
            </button>
          </span>
        ) : null}
        {note ? <span className="ml-auto hidden text-xs text-amber-800 sm:inline">{t("noteHint")}</span> : null}
      </div>

      {blocked ? (
        <div className="flex items-start gap-2.5 rounded-xl bg-slate-50 px-3 py-3 text-sm text-slate-600 ring-1 ring-slate-200" data-testid="composer-blocked">
          <Ban className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
          <p>{errorText(`sendRefusal.${context.blockedReason}`)}</p>
        </div>
      ) : (
        <>
          {error ? (
            <p role="alert" className="mb-2 text-sm text-red-600">
              {error}
            </p>
          ) : null}
          {notice ? (
            <p role="status" className="mb-2 text-sm text-emerald-700">
              {notice}
            </p>
          ) : null}
          <div className={cn("rounded-xl bg-white ring-1 focus-within:ring-2", note ? "ring-amber-300 focus-within:ring-amber-500" : "ring-slate-300 focus-within:ring-brand-500")}>
            <AttributeLabels.Provider value={(path) => labels.get(path) ?? path}>
              <TemplateEditor
                key={mode}
                ref={editor}
                id="reply"
                testId="reply-field"
                label={note ? t("noteLabel") : t("label")}
                placeholder={note ? t("notePlaceholder") : t("placeholder")}
                initialText={text}
                mentionables={note ? context.mentionables : undefined}
                onChange={(value, found) => {
                  setText(value);
                  setMentions(found);
                }}
                onSubmit={submit}
                onFiles={addFiles}
              />
            </AttributeLabels.Provider>
            {translation ? (
              <p className="mx-3 mb-2 rounded-lg bg-slate-50 px-2.5 py-1.5 text-xs text-slate-600" data-testid="translation-note">
                {translation.language
                  ? t("translatedFromInto", { source: languageLabel(translation.language, locale), elision: frenchElision(languageLabel(translation.language, locale)), language: languageLabel(translation.target, locale) })
                  : t("translatedFrom", { language: languageLabel(translation.target, locale) })}{" "}
                <button type="button" className="font-medium text-brand-700 underline" onClick={() => setTranslation(null)}>
                  {t("keepTranslationOff")}
                </button>
              </p>
            ) : null}
            <AttachmentList attachments={files.attachments} onRemove={files.remove} className="px-3 pb-2" />
            <div className="flex flex-wrap items-center gap-1 border-t border-slate-100 px-2 py-1.5">
              <AttributePicker attributes={context.attributes} onPick={(path) => editor.current?.insertToken(path)} disabled={note} />
              <EmojiButton onPick={(emoji) => editor.current?.insertText(emoji)} />
              <SavedReplyPicker onPick={(body) => editor.current?.insertTemplate(body)} currentText={text} canEdit={context.canEditSavedReplies} disabled={note} />
              <AttachButton onFiles={addFiles} />
              <PaymentRequestButton
                conversationId={context.conversationId}
                enabled={context.paymentsEnabled}
                currency={context.currency}
                defaultText={context.paymentText}
                canEditSavedReplies={context.canEditSavedReplies}
                attributes={context.attributes}
                timeZone={context.timeZone}
                disabled={note}
                onSent={setNotice}
              />
              <ReviewRequestButton
                conversationId={context.conversationId}
                defaultText={context.reviewText}
                canEditSavedReplies={context.canEditSavedReplies}
                attributes={context.attributes}
                timeZone={context.timeZone}
                disabled={note}
                onSent={setNotice}
              />
              <AiMenu
                text={text}
                enabled={context.aiEnabled}
                conversationId={context.conversationId}
                disabled={note}
                onRewrite={(value) => editor.current?.setText(value)}
                onTranslated={(value, info) => {
                  editor.current?.setText(value);
                  setTranslation(info);
                }}
              />
              {/* Counter, schedule and send stay together when the toolbar wraps on a narrow pane. */}
              <div className="ml-auto flex items-center gap-1">
                <span className="mr-1 hidden sm:inline">{note ? null : <SegmentCounter text={preview} />}</span>
                {note ? null : (
                  <ScheduleMenu
                    presets={presets}
                    disabled={pending || uploading || !text.trim()}
                    pending={pending}
                    error={error}
                    dialogOpen={customOpen}
                    onDialogOpenChange={setCustomOpen}
                    onSchedule={schedule}
                  />
                )}
                <Button size="sm" onClick={submit} disabled={pending || uploading || !text.trim()} data-testid="send-reply" className={note ? "bg-amber-600 hover:bg-amber-700" : undefined}>
                  {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : note ? <StickyNote className="h-4 w-4" aria-hidden /> : <Send className="h-4 w-4" aria-hidden />}
                  {note ? t("addNote") : t("send")}
                </Button>
              </div>
            </div>
          </div>
          <p className="mt-1.5 hidden text-xs text-slate-400 sm:block">{note ? t("noteMentionHint") : t("hint")}</p>
        </>
      )}

    </div>
  );
}
