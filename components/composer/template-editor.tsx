"use client";

import { computePosition, flip, shift } from "@floating-ui/dom";
import type { Editor as CoreEditor, JSONContent } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Mention from "@tiptap/extension-mention";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { Placeholder, UndoRedo } from "@tiptap/extensions";
import { EditorContent, ReactRenderer, useEditor, type Editor } from "@tiptap/react";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { normalizeForSearch } from "@/lib/customers/search-text";
import { AttributeToken } from "./attribute-token";
import { MentionList, type Mentionable, type MentionListHandle } from "./mention-list";
import { docToTemplate, templateToDoc, templateToInsertable, tokenInsertion, type Mentions } from "./serialize";

export type TemplateEditorHandle = {
  focus: () => void;
  /** Replaces the whole text (AI rewrite, translation, clearing after send). */
  setText: (source: string) => void;
  /** Inserts at the cursor: a token, an emoji, a saved reply. */
  insertTemplate: (source: string) => void;
  insertToken: (path: string) => void;
  insertText: (text: string) => void;
};

type Props = {
  id: string;
  label: string;
  placeholder: string;
  initialText?: string;
  onChange: (text: string, mentions: Mentions) => void;
  onSubmit?: () => void;
  onFiles?: (files: File[]) => void;
  /** People `@` can mention (notes only). */
  mentionables?: Mentionable[];
  disabled?: boolean;
  className?: string;
  testId?: string;
};

function mentionSuggestion(getItems: () => Mentionable[]) {
  return {
    char: "@",
    items: ({ query }: { query: string }) => {
      const needle = normalizeForSearch(query);
      return getItems().filter((item) => normalizeForSearch(item.label).includes(needle)).slice(0, 8);
    },
    render: () => {
      let renderer: ReactRenderer<MentionListHandle> | undefined;
      const place = (clientRect?: (() => DOMRect | null) | null) => {
        const rect = clientRect?.();
        const element = renderer?.element as HTMLElement | undefined;
        if (!rect || !element) return;
        const virtual = { getBoundingClientRect: () => rect };
        void computePosition(virtual, element, { placement: "bottom-start", strategy: "fixed", middleware: [flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
          Object.assign(element.style, { position: "fixed", left: `${x}px`, top: `${y}px`, zIndex: "60" });
        });
      };
      return {
        onStart: (props: { editor: CoreEditor; clientRect?: (() => DOMRect | null) | null; items: Mentionable[]; command: (item: { id: string; label: string }) => void }) => {
          renderer = new ReactRenderer(MentionList, { props, editor: props.editor as Editor });
          document.body.appendChild(renderer.element);
          place(props.clientRect);
        },
        onUpdate: (props: { clientRect?: (() => DOMRect | null) | null; items: Mentionable[]; command: (item: { id: string; label: string }) => void }) => {
          renderer?.updateProps(props);
          place(props.clientRect);
        },
        onKeyDown: (props: { event: KeyboardEvent }) => {
          if (props.event.key === "Escape") {
            renderer?.element.remove();
            return true;
          }
          return renderer?.ref?.onKeyDown(props.event) ?? false;
        },
        onExit: () => {
          renderer?.element.remove();
          renderer?.destroy();
        },
      };
    },
  };
}

/**
 * The text box of every composer: plain text where attribute tokens are chips (blue, or
 * green with a fallback) and, in notes, `@` mentions users and teams.
 */
export const TemplateEditor = forwardRef<TemplateEditorHandle, Props>(function TemplateEditor(
  { id, label, placeholder, initialText = "", onChange, onSubmit, onFiles, mentionables, disabled, className, testId },
  ref,
) {
  const mentionItems = useRef(mentionables ?? []);
  const submit = useRef(onSubmit);
  const files = useRef(onFiles);
  const change = useRef(onChange);
  useEffect(() => {
    mentionItems.current = mentionables ?? [];
    submit.current = onSubmit;
    files.current = onFiles;
    change.current = onChange;
  });

  const editor = useEditor({
    immediatelyRender: false,
    editable: !disabled,
    extensions: [
      Document,
      Paragraph,
      Text,
      HardBreak,
      UndoRedo,
      Placeholder.configure({ placeholder }),
      AttributeToken,
      ...(mentionables
        ? [
            Mention.configure({
              HTMLAttributes: { class: "rounded bg-amber-100 px-1 font-medium text-amber-900" },
              renderText: ({ node }) => `@${node.attrs.label}`,
              suggestion: mentionSuggestion(() => mentionItems.current),
            }),
          ]
        : []),
    ],
    content: templateToDoc(initialText),
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        ...(testId ? { "data-testid": testId } : {}),
        class: "min-h-20 max-h-60 overflow-y-auto px-3 py-2.5 text-sm text-slate-900 focus:outline-none whitespace-pre-wrap",
      },
      handleKeyDown: (_view, event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          submit.current?.();
          return true;
        }
        return false;
      },
      handlePaste: (_view, event) => {
        const pasted = Array.from(event.clipboardData?.files ?? []);
        if (pasted.length && files.current) {
          files.current(pasted);
          return true;
        }
        return false;
      },
      handleDrop: (_view, event) => {
        const dropped = Array.from((event as DragEvent).dataTransfer?.files ?? []);
        if (dropped.length && files.current) {
          event.preventDefault();
          files.current(dropped);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: current }) => {
      const { text, mentions } = docToTemplate(current.getJSON());
      change.current(text, mentions);
    },
  });

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => editor?.commands.focus("end"),
      setText: (source) => {
        editor?.commands.setContent(templateToDoc(source), { emitUpdate: true });
      },
      insertTemplate: (source) => {
        editor?.chain().focus().insertContent(templateToInsertable(source) as JSONContent[]).run();
      },
      insertToken: (path) => {
        editor?.chain().focus().insertContent(tokenInsertion(path) as JSONContent[]).run();
      },
      insertText: (text) => {
        editor?.chain().focus().insertContent(text).run();
      },
    }),
    [editor],
  );

  return <EditorContent editor={editor} className={cn("template-editor", className)} />;
});
