"use client";

import { useTranslations } from "next-intl";
import type { SelectHTMLAttributes } from "react";
import { Select } from "@/components/ui/input";

type Option = { id: string; name: string };

/** A user or team, as "user:<id>" / "team:<id>", or "" for the `none` choice. */
export function AssigneeSelect({
  users,
  teams,
  noneLabel,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { users: Option[]; teams: Option[]; noneLabel: string }) {
  const t = useTranslations("people");
  return (
    <Select {...props}>
      <option value="">{noneLabel}</option>
      <optgroup label={t("users")}>
        {users.map((user) => (
          <option key={user.id} value={`user:${user.id}`}>
            {user.name}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("teams")}>
        {teams.map((team) => (
          <option key={team.id} value={`team:${team.id}`}>
            {team.name}
          </option>
        ))}
      </optgroup>
    </Select>
  );
}
