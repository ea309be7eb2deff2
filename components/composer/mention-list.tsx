"use client";

import { Users } from "lucide-react";
import { forwardRef, useImperativeHandle, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";

export type Mentionable = { id: string; label: string; kind: "user" | "team" };

export type MentionListHandle = { onKeyDown: (event: KeyboardEvent) => boolean };

/** The list `@` opens in a note: users and teams, arrows and Enter to pick. */
export const MentionList = forwardRef<MentionListHandle, { items: Mentionable[]; command: (item: { id: string; label: string }) => void }>(
  function MentionList({ items, command }, ref) {
    const [index, setIndex] = useState(0);
    const [shownItems, setShownItems] = useState(items);
    if (shownItems !== items) {
      setShownItems(items);
      setIndex(0);
    }
    const pick = (i: number) => {
      const item = items[i];
      if (item) command({ id: item.id, label: item.label });
    };
    useImperativeHandle(ref, () => ({
      onKeyDown(event) {
        if (event.key === "ArrowDown") setIndex((i) => (i + 1) % Math.max(items.length, 1));
        else if (event.key === "ArrowUp") setIndex((i) => (i - 1 + items.length) % Math.max(items.length, 1));
        else if (event.key === "Enter" || event.key === "Tab") pick(index);
        else return false;
        return true;
      },
    }));
    if (items.length === 0) return null;
    return (
      <ul role="listbox" className="z-50 max-h-64 w-64 overflow-y-auto rounded-xl bg-white p-1 shadow-lg ring-1 ring-slate-200" data-testid="mention-list">
        {items.map((item, i) => (
          <li key={item.id} role="option" aria-selected={i === index}>
            <button
              type="button"
              onMouseDown={(event) => {
                event.preventDefault();
                pick(i);
              }}
              className={cn("flex w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left text-sm", i === index ? "bg-brand-50 text-brand-800" : "text-slate-700")}
            >
              {item.kind === "team" ? (
                <span className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-100 text-slate-600">
                  <Users className="h-4 w-4" aria-hidden />
                </span>
              ) : (
                <Avatar name={item.label} size="sm" />
              )}
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    );
  },
);
