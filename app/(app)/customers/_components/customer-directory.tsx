"use client";

import { ChevronRight, Loader2, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { loadCustomers } from "@/lib/customers/actions";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import type { CustomerCursor, CustomerListRow } from "@/lib/customers/types";
import { customerName } from "@/lib/customers/display";
import type { CustomerListFilter } from "@/lib/customers/validation";
import { formatPhone } from "@/lib/phone";
import { AddToGroupDialog } from "./add-to-group-dialog";

type Row = Omit<CustomerListRow, "optedOutAt"> & { optedOut: boolean };

const FILTERS = [
  { key: "withMobile", param: "mobile", value: "with" },
  { key: "withoutMobile", param: "mobile", value: "without" },
  { key: "unsubscribedGeneral", param: "unsubscribed", value: "general" },
  { key: "unsubscribedMarketing", param: "unsubscribed", value: "marketing" },
  { key: "unsubscribedAny", param: "unsubscribed", value: "any" },
  { key: "optedOut", param: "optedOut", value: "yes" },
] as const;

/** CUST-1/CUST-2: search as you type, filter chips, and "Load more" by keyset. */
export function CustomerDirectory({
  initial,
  nextCursor,
  filter,
  groups,
}: {
  initial: Row[];
  nextCursor: CustomerCursor | null;
  filter: CustomerListFilter;
  /** The static groups the selection can join; null when the user may not manage groups (no selection then). */
  groups: { id: string; name: string }[] | null;
}) {
  const t = useTranslations("customers");
  const tGroups = useTranslations("groups");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [query, setQuery] = useState(filter.q ?? "");
  const [more, setMore] = useState<{ rows: Row[]; cursor: CustomerCursor | null }>({ rows: [], cursor: nextCursor });
  const [searching, startSearch] = useTransition();
  const [loading, startLoading] = useTransition();
  const first = useRef(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectable = groups !== null;
  const toggleSelected = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // A new first page (search, filter, live refresh) starts the extra pages over.
  const [firstPage, setFirstPage] = useState(initial);
  if (firstPage !== initial) {
    setFirstPage(initial);
    setMore({ rows: [], cursor: nextCursor });
  }

  const navigate = (next: URLSearchParams) => startSearch(() => router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false }));

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params);
      if (query.trim()) next.set("q", query.trim());
      else next.delete("q");
      navigate(next);
    }, 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  const toggle = (param: string, value: string) => {
    const next = new URLSearchParams(params);
    if (next.get(param) === value) next.delete(param);
    else next.set(param, value);
    navigate(next);
  };

  const loadMore = () =>
    startLoading(async () => {
      const result = await loadCustomers({ ...filter, cursor: more.cursor });
      if (!result.ok) return;
      setMore((current) => ({
        rows: [...current.rows, ...result.data.customers.map(({ optedOutAt, ...row }) => ({ ...row, optedOut: optedOutAt !== null }))],
        cursor: result.data.nextCursor,
      }));
    });

  const rows = [...initial, ...more.rows];
  const filtered = Boolean(filter.q || filter.mobile || filter.unsubscribed || filter.optedOut);

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3">
        <div className="relative max-w-xl">
          <SearchInput
            size="md"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("searchPlaceholder")}
            className="bg-white ring-1 ring-slate-200"
            data-testid="customer-search"
          />
          {searching ? <Loader2 className="absolute top-1/2 right-3 h-4 w-4 -translate-y-1/2 animate-spin text-slate-400" aria-hidden /> : null}
        </div>
        <div className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0" role="group" aria-label={t("filtersLabel")}>
          {FILTERS.map((chip) => {
            const active = params.get(chip.param) === chip.value;
            return (
              <button
                key={chip.key}
                type="button"
                aria-pressed={active}
                onClick={() => toggle(chip.param, chip.value)}
                className={cn(
                  "shrink-0 whitespace-nowrap rounded-full px-3 py-1 text-sm font-medium ring-1 transition-colors ring-inset",
                  active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {t(`filters.${chip.key}`)}
              </button>
            );
          })}
        </div>
      </div>

      {selectable && selected.size > 0 ? (
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-xl bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg" data-testid="selection-bar">
          <span className="font-medium tabular-nums">{tGroups("selected", { count: selected.size })}</span>
          <span className="flex-1" />
          <Button size="sm" variant="ghost" className="text-white hover:bg-white/10" onClick={() => setSelected(new Set())}>
            {tGroups("clearSelection")}
          </Button>
          <AddToGroupDialog groups={groups} customerIds={[...selected]} onAdded={() => setSelected(new Set())} />
        </div>
      ) : null}
      <Card className={cn("overflow-hidden transition-opacity", searching && "opacity-60")} aria-busy={searching}>
        {rows.length === 0 ? (
          <EmptyState
            icon={<Users className="h-6 w-6" />}
            title={filtered ? t("noMatchTitle") : t("emptyTitle")}
            description={filtered ? t("noMatchDescription") : t("emptyDescription")}
          />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="customer-list">
            {rows.map((customer) => (
              <li key={customer.id} className="flex items-center">
                {selectable ? (
                  <label className="flex cursor-pointer items-center self-stretch pl-4 sm:pl-5">
                    <input
                      type="checkbox"
                      className="h-4 w-4 rounded border-slate-300 accent-brand-600"
                      checked={selected.has(customer.id)}
                      onChange={() => toggleSelected(customer.id)}
                      aria-label={tGroups("selectCustomer", { name: customerName(customer) })}
                      data-testid="select-customer"
                    />
                  </label>
                ) : null}
                <Link href={`/customers/${customer.id}`} className="flex min-w-0 flex-1 items-center gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none sm:px-5">
                  <Avatar name={customerName(customer)} size="md" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium text-slate-900">{customerName(customer)}</p>
                    <p className="truncate text-sm text-slate-500">
                      {customer.mobile ? formatPhone(customer.mobile) : t("noMobile")}
                      {customer.email ? <span className="hidden sm:inline"> · {customer.email}</span> : null}
                    </p>
                  </div>
                  <div className="hidden flex-wrap justify-end gap-1.5 sm:flex">
                    {customer.optedOut ? <Badge tone="red">{t("optedOut")}</Badge> : null}
                    {!customer.optedOut && !customer.subscribedGeneral ? <Badge tone="yellow">{t("noGeneral")}</Badge> : null}
                    {!customer.optedOut && !customer.subscribedMarketing ? <Badge tone="yellow">{t("noMarketing")}</Badge> : null}
                  </div>
                  {customer.optedOut ? <span className="text-xs font-medium text-red-600 sm:hidden">STOP</span> : null}
                  <ChevronRight className="h-4 w-4 shrink-0 text-slate-300" aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {more.cursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={loadMore} disabled={loading} data-testid="load-more-customers">
            {loading ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : null}
            {t("loadMore")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
