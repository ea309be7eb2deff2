"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

export type ProfileTabLink = { key: string; href: string; label: string; count: number; current: boolean };

/**
 * The profile's tabs on one line. When they do not fit, the strip scrolls sideways and says
 * so: a fade and an arrow button on the side that has more tabs, and the current tab is
 * scrolled into view.
 */
export function ProfileTabStrip({ tabs }: { tabs: ProfileTabLink[] }) {
  const t = useTranslations("customers.profile");
  const strip = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ left: false, right: false });

  const measure = useCallback(() => {
    const element = strip.current;
    if (!element) return;
    const left = element.scrollLeft > 1;
    const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setMore((current) => (current.left === left && current.right === right ? current : { left, right }));
  }, []);

  useEffect(() => {
    const element = strip.current;
    if (!element) return;
    // Only the strip scrolls (scrollIntoView would scroll the page to the tabs on a phone).
    const current = element.querySelector<HTMLElement>("[aria-current=page]");
    if (current && current.offsetLeft + current.offsetWidth > element.clientWidth) element.scrollLeft = current.offsetLeft - 48;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, [measure]);

  const scrollBy = (direction: -1 | 1) => {
    const element = strip.current;
    if (element) element.scrollBy({ left: direction * Math.max(120, element.clientWidth * 0.6), behavior: "smooth" });
  };

  return (
    <div className="relative">
      <ul ref={strip} className="-mb-px flex gap-5 overflow-x-auto [scrollbar-width:none] [&::-webkit-scrollbar]:hidden" data-testid="profile-tabs">
        {tabs.map((tab) => (
          <li key={tab.key} className="shrink-0">
            <Link
              href={tab.href}
              scroll={false}
              aria-current={tab.current ? "page" : undefined}
              className={cn(
                "inline-flex items-center gap-1.5 border-b-2 px-0.5 pb-3 text-sm font-medium whitespace-nowrap focus-visible:outline-offset-[-2px]",
                tab.current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
              )}
            >
              {tab.label}
              {tab.count > 0 ? <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600">{tab.count}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
      {more.left ? (
        <div className="pointer-events-none absolute inset-y-0 left-0 flex items-start bg-gradient-to-r from-slate-50 from-40% to-transparent pr-8">
          <button
            type="button"
            tabIndex={-1}
            onClick={() => scrollBy(-1)}
            aria-label={t("tabsScrollLeft")}
            title={t("tabsScrollLeft")}
            className="pointer-events-auto -mt-0.5 rounded-full bg-white p-1 text-slate-600 shadow-sm ring-1 ring-slate-200 hover:text-slate-900"
            data-testid="profile-tabs-left"
          >
            <ChevronLeft className="h-4 w-4" aria-hidden />
          </button>
        </div>
      ) : null}
      {more.right ? (
        <div className="pointer-events-none absolute inset-y-0 right-0 flex items-start bg-gradient-to-l from-slate-50 from-40% to-transparent pl-8">
          <button
            type="button"
            tabIndex={-1}
            onClick={() => scrollBy(1)}
            aria-label={t("tabsScrollRight")}
            title={t("tabsScrollRight")}
            className="pointer-events-auto -mt-0.5 rounded-full bg-white p-1 text-slate-600 shadow-sm ring-1 ring-slate-200 hover:text-slate-900"
            data-testid="profile-tabs-right"
          >
            <ChevronRight className="h-4 w-4" aria-hidden />
          </button>
        </div>
      ) : null}
    </div>
  );
}
