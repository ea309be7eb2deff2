"use client";

import { mergeAttributes, Node } from "@tiptap/core";
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { createContext, useContext, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

/** Names of attributes for the chips ("customer.first_name" → "First name"). */
export const AttributeLabels = createContext<(path: string) => string>((path) => path);

function TokenChip({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const t = useTranslations("composer.token");
  const labelOf = useContext(AttributeLabels);
  const [open, setOpen] = useState(false);
  const path = String(node.attrs.path);
  const fallback = (node.attrs.fallback as string | null) ?? null;
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("fallback") ?? "").trim();
    updateAttributes({ fallback: value || null });
    setOpen(false);
    editor.commands.focus();
  };
  return (
    <NodeViewWrapper as="span" className="inline">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <button
            type="button"
            contentEditable={false}
            data-token={path}
            data-fallback={fallback ?? undefined}
            className={cn(
              "mx-0.5 inline-flex items-center rounded-md px-1.5 py-px align-baseline text-[0.85em] font-medium ring-1 ring-inset",
              fallback === null ? "bg-sky-50 text-sky-800 ring-sky-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200",
            )}
            title={fallback === null ? t("noFallback") : t("withFallback", { fallback })}
          >
            {labelOf(path)}
            {fallback !== null ? <span className="ml-1 text-emerald-600">| {fallback}</span> : null}
          </button>
        </PopoverTrigger>
        <PopoverContent className="w-72">
          <form onSubmit={save} className="space-y-2.5">
            <p className="text-sm font-medium text-slate-900">{labelOf(path)}</p>
            <label className="block text-xs text-slate-600" htmlFor={`fallback-${path}`}>
              {t("fallbackLabel")}
            </label>
            <Input id={`fallback-${path}`} name="fallback" defaultValue={fallback ?? ""} placeholder={t("fallbackPlaceholder")} autoFocus />
            <p className="text-xs text-slate-500">{t("fallbackHint")}</p>
            <div className="flex justify-end gap-2">
              <Button type="submit" size="sm">
                {t("save")}
              </Button>
            </div>
          </form>
        </PopoverContent>
      </Popover>
    </NodeViewWrapper>
  );
}

/** `{ customer.first_name | "fallback" }` as one uneditable chip in the text. */
export const AttributeToken = Node.create({
  name: "attributeToken",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { path: { default: null }, fallback: { default: null } };
  },
  parseHTML() {
    return [{ tag: "span[data-token]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-token": "" })];
  },
  renderText({ node }) {
    return `{${String(node.attrs.path)}}`;
  },
  addNodeView() {
    return ReactNodeViewRenderer(TokenChip, { as: "span" });
  },
});
