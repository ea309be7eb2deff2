"use client";

import { useMemo, useRef } from "react";
import { AttributePicker, type PickerAttribute } from "@/components/composer/attribute-picker";
import { AttributeLabels } from "@/components/composer/attribute-token";
import { EmojiButton } from "@/components/composer/emoji-button";
import { SegmentCounter } from "@/components/composer/segment-counter";
import { TemplateEditor, type TemplateEditorHandle } from "@/components/composer/template-editor";
import { cn } from "@/components/ui/cn";
import { renderTemplate } from "@/lib/templates/render";
// The composer's saved-reply picker (EDIT-4), so the automation message is written with the same tools.
import { SavedReplyPicker } from "../../../conversations/_components/composer/saved-reply-picker";

/**
 * The composer's editor for an automation text: attribute chips with fallbacks, emoji,
 * saved replies and the segment count (tokens counted at a typical length).
 */
export function MessageEditor({
  id,
  label,
  placeholder,
  value,
  onChange,
  attributes,
  canEditSavedReplies,
  invalid,
  compact,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  attributes: PickerAttribute[];
  canEditSavedReplies: boolean;
  invalid?: boolean;
  compact?: boolean;
}) {
  const editor = useRef<TemplateEditorHandle>(null);
  const labels = useMemo(() => new Map(attributes.map((a) => [a.path, a.label])), [attributes]);
  const sample = useMemo(() => {
    try {
      return renderTemplate(value, () => "xxxxxxxx");
    } catch {
      return value;
    }
  }, [value]);
  return (
    <div className={cn("rounded-xl bg-white ring-1 focus-within:ring-2 focus-within:ring-brand-500", invalid ? "ring-red-400" : "ring-slate-300")}>
      <AttributeLabels.Provider value={(path) => labels.get(path) ?? path}>
        <TemplateEditor
          ref={editor}
          id={id}
          label={label}
          placeholder={placeholder}
          initialText={value}
          onChange={(text) => onChange(text)}
          testId={`${id}-field`}
          className={compact ? "min-h-16" : "min-h-28"}
        />
      </AttributeLabels.Provider>
      <div className="flex flex-wrap items-center gap-1 border-t border-slate-100 px-2 py-1.5">
        <AttributePicker attributes={attributes} onPick={(path) => editor.current?.insertToken(path)} />
        <EmojiButton onPick={(emoji) => editor.current?.insertText(emoji)} />
        <SavedReplyPicker
          onPick={(source) => {
            editor.current?.insertTemplate(source);
          }}
          currentText={value}
          canEdit={canEditSavedReplies}
        />
        <span className="ml-auto">
          <SegmentCounter text={sample} />
        </span>
      </div>
    </div>
  );
}
