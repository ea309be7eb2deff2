"use client";

import { ChevronDown, Clock, EyeOff, Filter, Inbox, Loader2, UserPlus, Users } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { assign, loadInboxPage } from "@/lib/conversations/actions";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useErrorText } from "@/components/ui/use-error-text";
import type { InboxListRow } from "@/lib/conversations/types";
import { COUNT_CAP, cappedCountLabel } from "@/lib/capped-count";
import { customerName } from "@/lib/customers/display";
import { AssigneeMenuContent, type People } from "./assignee-menu";
import { inboxHref, type RawInboxFilter } from "./inbox-href";
import { NewMessageButton } from "./new-message-button";

export type ListRow = InboxListRow;

export type Me = { id: string; teamIds: string[]; seesReadState: boolean };

export function ConversationList({
  rows: initialRows,
  nextCursor: initialCursor,
  filter,
  selectedId,
  me,
  people,
  unansweredAfterHours,
  unreadCount,
}: {
  rows: ListRow[];
  nextCursor: { lastActivityAt: string; id: string } | null;
  filter: RawInboxFilter;
  selectedId?: string;
  me: Me;
  people: People;
  unansweredAfterHours: number;
  unreadCount: number;
}) {
  const t = useTranslations("inbox");
  const unreadText = unreadCount >= COUNT_CAP ? t("unreadCountCapped") : t("unreadCount", { count: unreadCount });
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [rows, setRows] = useState(initialRows);
  const [cursor, setCursor] = useState(initialCursor);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allSelected, setAllSelected] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [loadingMore, startLoading] = useTransition();
  const [assigning, startAssigning] = useTransition();
  const list = useRef<HTMLUListElement>(null);
  const [now] = useState(() => Date.now());

  // A live refresh brings a new first page.
  const [shownPage, setShownPage] = useState(initialRows);
  if (shownPage !== initialRows) {
    setShownPage(initialRows);
    setRows(initialRows);
    setCursor(initialCursor);
  }

  // j / k move through the list; Enter opens the focused conversation.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable=true], [role=menu], [role=dialog]")) return;
      if (event.metaKey || event.ctrlKey || event.altKey || (event.key !== "j" && event.key !== "k")) return;
      const links = Array.from(list.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]") ?? []);
      if (links.length === 0) return;
      event.preventDefault();
      const current = links.findIndex((link) => link === document.activeElement || link.dataset.selected === "true");
      const next = event.key === "j" ? Math.min(links.length - 1, current + 1) : Math.max(0, current === -1 ? 0 : current - 1);
      links[next]?.focus();
      links[next]?.scrollIntoView({ block: "nearest" });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const viewLabel = useMemo(() => {
    if (filter.view === "mine") return t("view.mine");
    if (filter.view === "all") return t("view.all");
    const [kind, id] = filter.view.split(":");
    const found = kind === "user" ? people.users.find((u) => u.id === id) : people.teams.find((team) => team.id === id);
    return found?.name ?? t("view.all");
  }, [filter.view, people, t]);

  const toggleFlag = (flag: "read" | "unread" | "unanswered") => {
    const flags = filter.flags.includes(flag) ? filter.flags.filter((f) => f !== flag) : [...filter.flags, flag];
    router.push(inboxHref({ ...filter, flags }, selectedId));
  };

  const loadMore = () =>
    startLoading(async () => {
      const result = await loadInboxPage({ filter, cursor });
      if (!result.ok) return setMessage({ tone: "error", text: errorText(result.error)! });
      setRows((current) => [...current, ...result.data.rows]);
      setCursor(result.data.nextCursor);
    });

  const assignSelected = (to: string) =>
    startAssigning(async () => {
      const result = await assign(allSelected ? { to, filter } : { to, conversationIds: [...selected] });
      if (!result.ok) return setMessage({ tone: "error", text: errorText(result.error)! });
      setMessage({ tone: "success", text: t("assignedCount", { count: result.data.assigned }) });
      setSelected(new Set());
      setAllSelected(false);
      router.refresh();
    });

  const selectionCount = allSelected ? null : selected.size;
  const someSelected = allSelected || selected.size > 0;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="space-y-3 border-b border-slate-200 px-3 pt-3 pb-3">
        <div className="flex items-center gap-1.5">
          <DropdownMenu>
            <DropdownMenuTrigger className="-ml-1 inline-flex min-w-0 items-center gap-1 rounded-lg px-1.5 py-1.5 text-base font-semibold text-slate-900 hover:bg-slate-100" data-testid="view-selector" title={viewLabel}>
              <span className="truncate" data-testid="view-label">{viewLabel}</span>
              <ChevronDown className="h-4 w-4 shrink-0 text-slate-500" aria-hidden />
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start" className="max-h-96 overflow-y-auto">
              <DropdownMenuItem asChild>
                <Link href={inboxHref({ ...filter, view: "mine" })}>{t("view.mine")}</Link>
              </DropdownMenuItem>
              <DropdownMenuItem asChild>
                <Link href={inboxHref({ ...filter, view: "all" })}>{t("view.all")}</Link>
              </DropdownMenuItem>
              <DropdownMenuSeparator />
              <DropdownMenuLabel>{t("view.users")}</DropdownMenuLabel>
              {people.users.map((user) => (
                <DropdownMenuItem key={user.id} asChild>
                  <Link href={inboxHref({ ...filter, view: `user:${user.id}` })} className={user.away ? "text-amber-700" : undefined}>
                    {user.name}
                    {user.away ? <Clock className="h-3.5 w-3.5" aria-label={t("away")} /> : null}
                  </Link>
                </DropdownMenuItem>
              ))}
              {people.teams.length > 0 ? <DropdownMenuLabel>{t("view.teams")}</DropdownMenuLabel> : null}
              {people.teams.map((team) => (
                <DropdownMenuItem key={team.id} asChild>
                  <Link href={inboxHref({ ...filter, view: `team:${team.id}` })}>
                    <Users className="h-4 w-4" aria-hidden />
                    {team.name}
                  </Link>
                </DropdownMenuItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
          {unreadCount > 0 ? (
            <span
              className="shrink-0 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-red-700 ring-1 ring-red-100 ring-inset"
              title={unreadText}
              data-testid="unread-count"
            >
              {/* On a phone the number alone, so that the view's name stays readable. */}
              <span className="sm:hidden" aria-hidden>
                {cappedCountLabel(unreadCount)}
              </span>
              <span className="sr-only sm:not-sr-only">{unreadText}</span>
            </span>
          ) : null}
          <NewMessageButton className="ml-auto" />
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <div className="inline-flex rounded-lg bg-slate-100 p-0.5" role="group" aria-label={t("statusLabel")}>
            {(["open", "closed", "all"] as const).map((status) => (
              <Link
                key={status}
                href={inboxHref({ ...filter, status }, selectedId)}
                aria-pressed={filter.status === status}
                className={cn(
                  "rounded-md px-2.5 py-1 text-xs font-medium whitespace-nowrap",
                  filter.status === status ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                )}
              >
                {t(`status.${status}`)}
              </Link>
            ))}
          </div>
          <Filter className="ml-1 h-3.5 w-3.5 text-slate-400" aria-hidden />
          {(["unread", "unanswered", "read"] as const).map((flag) => (
            <button
              key={flag}
              type="button"
              onClick={() => toggleFlag(flag)}
              aria-pressed={filter.flags.includes(flag)}
              className={cn(
                "rounded-full px-2.5 py-1 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
                filter.flags.includes(flag) ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50",
              )}
            >
              {t(`flags.${flag}`)}
            </button>
          ))}
        </div>
        <div className="flex min-h-8 items-center gap-2">
          <label className="inline-flex items-center gap-2 text-xs text-slate-600">
            <input
              type="checkbox"
              className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
              checked={allSelected}
              onChange={(event) => {
                setAllSelected(event.target.checked);
                setSelected(new Set());
              }}
              aria-label={t("selectAll")}
            />
            {allSelected ? t("allSelected") : selectionCount ? t("selectedCount", { count: selectionCount }) : t("selectAll")}
          </label>
          {someSelected ? (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button size="sm" variant="secondary" className="ml-auto" disabled={assigning} data-testid="bulk-assign">
                  {assigning ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : <UserPlus className="h-4 w-4" aria-hidden />}
                  {t("assign")}
                </Button>
              </DropdownMenuTrigger>
              <AssigneeMenuContent people={people} onPick={assignSelected} />
            </DropdownMenu>
          ) : null}
        </div>
        {message ? (
          <p role={message.tone === "error" ? "alert" : "status"} className={cn("text-xs", message.tone === "error" ? "text-red-600" : "text-emerald-700")}>
            {message.text}
          </p>
        ) : null}
      </div>

      <ul ref={list} className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto" aria-label={t("listLabel")} data-testid="conversation-list">
        {rows.length === 0 ? (
          <li className="flex flex-col items-center px-6 py-16 text-center">
            <Inbox className="mb-3 h-8 w-8 text-slate-300" aria-hidden />
            <p className="text-sm font-medium text-slate-700">{t("emptyTitle")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("emptyDescription")}</p>
          </li>
        ) : null}
        {rows.map((row) => {
          const mine = row.assigneeUserId === me.id || (row.assigneeTeamId !== null && me.teamIds.includes(row.assigneeTeamId));
          const redUnread = row.unread && mine;
          const late =
            row.unanswered && row.lastInboundAt !== null && now - new Date(row.lastInboundAt).getTime() > unansweredAfterHours * 3_600_000;
          const assigneeName = row.assigneeUserName ?? row.assigneeTeamName;
          const name = customerName(row);
          const isSelected = row.id === selectedId;
          return (
            <li
              key={row.id}
              data-testid="conversation-row"
              data-unread={redUnread ? "true" : undefined}
              data-late={late ? "true" : undefined}
              className={cn(
                "group relative flex items-start gap-2.5 px-3 py-3",
                isSelected ? "bg-brand-50" : redUnread ? "bg-red-50/70" : late ? "bg-orange-50/70" : "hover:bg-slate-50",
              )}
            >
              {redUnread ? <span className="absolute inset-y-0 left-0 w-1 bg-red-500" aria-hidden /> : late ? <span className="absolute inset-y-0 left-0 w-1 bg-orange-400" aria-hidden /> : null}
              <input
                type="checkbox"
                className="mt-2.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                checked={allSelected || selected.has(row.id)}
                disabled={allSelected}
                onChange={(event) => {
                  const next = new Set(selected);
                  if (event.target.checked) next.add(row.id);
                  else next.delete(row.id);
                  setSelected(next);
                }}
                aria-label={t("selectOne", { name })}
              />
              <Link
                href={inboxHref(filter, row.id)}
                data-row-link
                data-selected={isSelected ? "true" : undefined}
                className="flex min-w-0 flex-1 items-start gap-2.5 rounded-md outline-offset-4"
              >
                <Avatar name={name} size="md" />
                <span className="min-w-0 flex-1">
                  <span className="flex items-baseline gap-2">
                    <span className={cn("min-w-0 flex-1 truncate text-sm", redUnread ? "font-semibold text-red-700" : row.unread ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>
                      {name}
                    </span>
                    {redUnread ? <span className="h-2 w-2 shrink-0 rounded-full bg-red-500" aria-label={t("unread")} /> : null}
                    <time className={cn("shrink-0 text-xs", late ? "font-medium text-orange-700" : "text-slate-500")} dateTime={row.lastActivityAt}>
                      {shortTime(format, new Date(row.lastActivityAt), now)}
                    </time>
                  </span>
                  <span className={cn("mt-0.5 line-clamp-2 text-sm", row.unread ? "text-slate-800" : "text-slate-500")}>
                    {row.direction === "outbound" ? <span className="text-slate-400">{t("you")} </span> : null}
                    {row.preview}
                  </span>
                  <span className="mt-1 flex items-center gap-1.5 text-xs text-slate-500">
                    {row.status === "closed" ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">{t("closed")}</span> : null}
                    <span className={cn("truncate", row.assigneeUserAway ? "text-amber-700" : undefined)}>
                      {assigneeName ?? t("unassigned")}
                    </span>
                    {row.assigneeUserAway ? <Clock className="h-3 w-3 text-amber-600" aria-label={t("away")} /> : null}
                    {me.seesReadState && row.unread && assigneeName ? (
                      <EyeOff className="h-3.5 w-3.5 text-slate-400" aria-label={t("assigneeNotRead")} data-testid="not-read-eye" />
                    ) : null}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
        {cursor ? (
          <li className="p-3">
            <Button variant="ghost" className="w-full" onClick={loadMore} disabled={loadingMore}>
              {loadingMore ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : null}
              {t("loadMore")}
            </Button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function shortTime(format: ReturnType<typeof useFormatter>, date: Date, now: number) {
  const age = now - date.getTime();
  if (age < 20 * 3_600_000 && new Date(now).toDateString() === date.toDateString()) return format.dateTime(date, { hour: "numeric", minute: "2-digit" });
  if (age < 6 * 86_400_000) return format.dateTime(date, { weekday: "short" });
  return format.dateTime(date, { month: "short", day: "numeric" });
}
