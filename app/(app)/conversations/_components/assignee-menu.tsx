"use client";

import { Check, Clock, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel } from "@/components/ui/dropdown-menu";

export type People = { users: { id: string; name: string; away: boolean; photoUrl: string | null }[]; teams: { id: string; name: string }[] };

/** The users (with their photo; away ones marked) and teams a conversation can be assigned to. */
export function AssigneeMenuContent({ people, onPick, current }: { people: People; onPick: (to: string) => void; current?: string | null }) {
  const t = useTranslations("inbox");
  return (
    <DropdownMenuContent align="end" className="max-h-96 overflow-y-auto">
      <DropdownMenuLabel>{t("view.users")}</DropdownMenuLabel>
      {people.users.map((user) => (
        <DropdownMenuItem key={user.id} onSelect={() => onPick(`user:${user.id}`)} className={user.away ? "text-amber-700" : undefined}>
          <Check className={cn("h-4 w-4", current === `user:${user.id}` ? "text-brand-600" : "invisible")} aria-hidden />
          <Avatar name={user.name} src={user.photoUrl} size="xs" />
          <span className="min-w-0 flex-1 truncate">{user.name}</span>
          {user.away ? <Clock className="h-3.5 w-3.5" aria-label={t("away")} /> : null}
        </DropdownMenuItem>
      ))}
      {people.teams.length > 0 ? <DropdownMenuLabel>{t("view.teams")}</DropdownMenuLabel> : null}
      {people.teams.map((team) => (
        <DropdownMenuItem key={team.id} onSelect={() => onPick(`team:${team.id}`)}>
          <Check className={cn("h-4 w-4", current === `team:${team.id}` ? "text-brand-600" : "invisible")} aria-hidden />
          <span className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-slate-200 text-slate-600" aria-hidden>
            <UsersRound className="h-3 w-3" />
          </span>
          <span className="min-w-0 flex-1 truncate">{team.name}</span>
        </DropdownMenuItem>
      ))}
    </DropdownMenuContent>
  );
}
