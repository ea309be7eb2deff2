"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, type FormEvent } from "react";

export function SearchBar() {
  const t = useTranslations("search");
  const router = useRouter();
  const params = useSearchParams();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // "/" focuses the search bar from anywhere but a text field.
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== "/" || target.closest("input, textarea, select, [contenteditable=true]")) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = input.current?.value.trim() ?? "";
    if (q) router.push(`/search?q=${encodeURIComponent(q)}`);
  };

  return (
    <form role="search" onSubmit={submit} className="relative min-w-0 flex-1 sm:max-w-md">
      <Search className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 text-slate-400" aria-hidden />
      <input
        ref={input}
        name="q"
        type="search"
        defaultValue={params.get("q") ?? ""}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        className="h-10 w-full rounded-lg border-0 bg-slate-100 pr-10 pl-9 text-sm text-slate-900 placeholder:text-slate-500 focus:bg-white focus:ring-2 focus:ring-brand-500 focus:outline-none"
      />
      <kbd className="pointer-events-none absolute top-1/2 right-3 hidden -translate-y-1/2 rounded border border-slate-300 bg-white px-1.5 text-[11px] text-slate-500 sm:block">
        /
      </kbd>
    </form>
  );
}
