"use client";

import { useMemo, useRef } from "react";
import { withFutureFileLinks } from "@/lib/files/links";
import { renderTemplate } from "@/lib/templates/render";
import { AttributeLabels } from "./attribute-token";
import { AttributePicker, type PickerAttribute } from "./attribute-picker";
import { SegmentCounter } from "./segment-counter";
import { EmojiButton } from "./emoji-button";
import { AttachButton, AttachmentList, type FileAttachments } from "./file-attachments";
import { SavedReplyPicker } from "./saved-reply-picker";
import { TemplateEditor, type TemplateEditorHandle } from "./template-editor";

/**
 * The composer's editor for texts written ahead of time (saved replies, automation
 * steps, campaigns): attributes, emoji and a segment count with tokens at their typical
 * length; with `files`, the composer's file picker, each file counted as the link it becomes.
 */
export function TemplateField({
  id,
  label,
  placeholder,
  value,
  onChange,
  attributes,
  invalid,
  compact,
  savedReplies,
  files,
  countAs,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  attributes: PickerAttribute[];
  invalid?: boolean;
  compact?: boolean;
  /** Offer the saved-reply picker (EDIT-4); `canEdit` lets the user save the text as one. */
  savedReplies?: { canEdit: boolean };
  /** Attach files (sent as links to `appUrl`'s public pages). */
  files?: { attachments: FileAttachments; appUrl: string };
  /** What the rendered text becomes when sent, before the file links (a campaign's marketing footer); the counter counts that. */
  countAs?: (text: string) => string;
}) {
  const editor = useRef<TemplateEditorHandle>(null);
  const labels = useMemo(() => new Map(attributes.map((a) => [a.path, a.label])), [attributes]);
  // Without a customer, a token counts as its fallback, or as a typical 8-character value.
  const fileCount = files?.attachments.fileCount ?? 0;
  const appUrl = files?.appUrl;
  const sample = useMemo(() => {
    let text = value;
    try {
      text = renderTemplate(value, () => "xxxxxxxx");
    } catch {
      // A half-typed token: count the text as it is.
    }
    if (countAs && text.trim()) text = countAs(text.trim());
    return fileCount && appUrl ? withFutureFileLinks(text, fileCount, appUrl) : text;
  }, [value, fileCount, appUrl, countAs]);
  return (
    <div className={`rounded-xl bg-white ring-1 focus-within:ring-2 focus-within:ring-brand-500 ${invalid ? "ring-red-400" : "ring-slate-300"}`}>
      <AttributeLabels.Provider value={(path) => labels.get(path) ?? path}>
        <TemplateEditor
          ref={editor}
          id={id}
          label={label}
          placeholder={placeholder}
          initialText={value}
          onChange={(text) => onChange(text)}
          testId={`${id}-field`}
          onFiles={files?.attachments.addFiles}
          className={compact === undefined ? undefined : compact ? "min-h-16" : "min-h-28"}
        />
      </AttributeLabels.Provider>
      {files ? <AttachmentList attachments={files.attachments.attachments} onRemove={files.attachments.remove} className="px-3 pb-2" /> : null}
      <div className="flex flex-wrap items-center gap-1 border-t border-slate-100 px-2 py-1.5">
        <AttributePicker attributes={attributes} onPick={(path) => editor.current?.insertToken(path)} />
        <EmojiButton onPick={(emoji) => editor.current?.insertText(emoji)} />
        {savedReplies ? <SavedReplyPicker onPick={(source) => editor.current?.insertTemplate(source)} currentText={value} canEdit={savedReplies.canEdit} /> : null}
        {files ? <AttachButton onFiles={files.attachments.addFiles} /> : null}
        <span className="ml-auto">
          <SegmentCounter text={sample} />
        </span>
      </div>
    </div>
  );
}
