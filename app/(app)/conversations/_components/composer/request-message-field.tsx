"use client";

import { useTranslations } from "next-intl";
import { useMemo, useRef } from "react";
import { AttributePicker, type PickerAttribute } from "@/components/composer/attribute-picker";
import { AttributeLabels } from "@/components/composer/attribute-token";
import { TemplateEditor, type TemplateEditorHandle } from "@/components/composer/template-editor";
import { Field } from "@/components/ui/field";
import { SavedReplyPicker } from "@/components/composer/saved-reply-picker";

/** The message of a request, in the composer's editor (chips, not raw tokens); a saved reply can fill it; the link is added after it. */
export function MessageField({ value, onChange, canEditSavedReplies, attributes, error }: { value: string; onChange: (value: string) => void; canEditSavedReplies: boolean; attributes: PickerAttribute[]; error?: string }) {
  const t = useTranslations("requests");
  const editor = useRef<TemplateEditorHandle>(null);
  const labels = useMemo(() => new Map(attributes.map((a) => [a.path, a.label])), [attributes]);
  return (
    <Field label={t("message")} htmlFor="request-message" hint={t("linkAdded")} error={error}>
      <div className="rounded-lg ring-1 ring-slate-300 ring-inset focus-within:ring-2 focus-within:ring-brand-500">
        <AttributeLabels.Provider value={(path) => labels.get(path) ?? path}>
          <TemplateEditor ref={editor} id="request-message" label={t("message")} placeholder="" initialText={value} onChange={(text) => onChange(text)} testId="request-message-field" />
        </AttributeLabels.Provider>
        <div className="flex items-center gap-1 border-t border-slate-100 px-1.5 py-1">
          <AttributePicker attributes={attributes} onPick={(path) => editor.current?.insertToken(path)} />
          <SavedReplyPicker
            onPick={(source) => {
              editor.current?.setText(source);
              onChange(source);
            }}
            currentText={value}
            canEdit={canEditSavedReplies}
          />
        </div>
      </div>
    </Field>
  );
}
