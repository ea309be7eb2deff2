"use client";

import { Braces, Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { SearchInput } from "@/components/ui/search-input";
import { normalizeForSearch } from "@/lib/customers/search-text";

export type PickerAttribute = { path: string; label: string; group: "customer" | "company" | "user" | "appointment" | "event" };

const RECENT_KEY = "parley.recentAttributes";
const GROUPS = ["customer", "appointment", "event", "company", "user"] as const;

function readRecent(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? "[]") as string[];
  } catch {
    return [];
  }
}

/** EDIT-5 picker: search, recently used, then by category. */
export function AttributePicker({ attributes, onPick, disabled }: { attributes: PickerAttribute[]; onPick: (path: string) => void; disabled?: boolean }) {
  const t = useTranslations("composer");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [recent, setRecent] = useState<string[]>([]);
  const needle = normalizeForSearch(query);
  const matching = useMemo(
    () => attributes.filter((a) => !needle || normalizeForSearch(`${a.label} ${a.path}`).includes(needle)),
    [attributes, needle],
  );
  const pick = (path: string) => {
    const next = [path, ...readRecent().filter((p) => p !== path)].slice(0, 5);
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
    setOpen(false);
    setQuery("");
    onPick(path);
  };
  const recentAttributes = recent.map((path) => attributes.find((a) => a.path === path)).filter((a): a is PickerAttribute => Boolean(a));
  const Item = ({ attribute }: { attribute: PickerAttribute }) => (
    <li>
      <button type="button" onClick={() => pick(attribute.path)} className="flex w-full items-center justify-between gap-2 rounded-lg px-2 py-1.5 text-left text-sm hover:bg-slate-100" data-testid="attribute-option">
        <span className="truncate text-slate-800">{attribute.label}</span>
        <code className="shrink-0 text-[11px] text-slate-400">{attribute.path}</code>
      </button>
    </li>
  );
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setRecent(readRecent());
      }}
    >
      <PopoverTrigger className={toolbarButton} aria-label={t("insertAttribute")} title={t("insertAttribute")} disabled={disabled} data-testid="attribute-picker">
        <Braces className="h-4 w-4" aria-hidden />
      </PopoverTrigger>
      <PopoverContent className="w-80 p-2" onCloseAutoFocus={(event) => event.preventDefault()}>
        <div className="mb-2">
          <SearchInput value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t("searchAttributes")} autoFocus />
        </div>
        <div className="max-h-72 overflow-y-auto">
          {!needle && recentAttributes.length > 0 ? (
            <section className="mb-2">
              <h4 className="flex items-center gap-1 px-2 py-1 text-xs font-semibold text-slate-500">
                <Clock className="h-3 w-3" aria-hidden />
                {t("recentlyUsed")}
              </h4>
              <ul>
                {recentAttributes.map((attribute) => (
                  <Item key={`recent-${attribute.path}`} attribute={attribute} />
                ))}
              </ul>
            </section>
          ) : null}
          {GROUPS.map((group) => {
            const items = matching.filter((a) => a.group === group);
            if (items.length === 0) return null;
            return (
              <section key={group} className="mb-2">
                <h4 className="px-2 py-1 text-xs font-semibold text-slate-500">{t(`attributeGroups.${group}`)}</h4>
                <ul>
                  {items.map((attribute) => (
                    <Item key={attribute.path} attribute={attribute} />
                  ))}
                </ul>
              </section>
            );
          })}
          {matching.length === 0 ? <p className="px-2 py-4 text-center text-sm text-slate-500">{t("noAttribute")}</p> : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}

export const toolbarButton = cn(
  "inline-flex h-8 w-8 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-800 disabled:opacity-40",
);
