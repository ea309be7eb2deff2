"use client";

import type { PickerAttribute } from "@/components/composer/attribute-picker";
import { TemplateField } from "@/components/composer/template-field";

/**
 * The composer's editor for an automation text: attribute chips with fallbacks, emoji,
 * saved replies and the segment count (tokens counted at a typical length).
 */
export function MessageEditor({
  canEditSavedReplies,
  compact,
  ...field
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
  return <TemplateField {...field} compact={Boolean(compact)} savedReplies={{ canEdit: canEditSavedReplies }} />;
}
