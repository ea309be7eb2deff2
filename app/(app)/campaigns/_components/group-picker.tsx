"use client";

import { UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { AudienceCondition, AudienceRules } from "@/lib/automations/types";
import { cn } from "@/components/ui/cn";
import type { CampaignGroup } from "./types";

const isGroupCondition = (condition: AudienceCondition) => condition.category === "customer" && condition.attribute === "group" && condition.operator === "in_group";

/** The rule the picker owns: the first one made only of "is in group" conditions (any of the chosen groups). */
function groupRuleIndex(rules: AudienceRules) {
  return rules.all.findIndex((rule) => rule.any.length > 0 && rule.any.every(isGroupCondition));
}

/** The chosen groups' ids, in the rule the picker owns. */
export function chosenGroupIds(rules: AudienceRules): string[] {
  const index = groupRuleIndex(rules);
  return index < 0 ? [] : rules.all[index]!.any.map((condition) => String(condition.value));
}

/**
 * Groups as toggles: choosing one adds "is in group" to one rule (customers in ANY chosen
 * group), which the other rules then narrow; the rule builder below shows the same rule.
 */
export function GroupPicker({ groups, rules, onChange }: { groups: CampaignGroup[]; rules: AudienceRules; onChange: (rules: AudienceRules) => void }) {
  const t = useTranslations("campaigns.form");
  const chosen = new Set(chosenGroupIds(rules));
  const toggle = (groupId: string) => {
    const next = new Set(chosen);
    if (next.has(groupId)) next.delete(groupId);
    else next.add(groupId);
    const rule = { any: [...next].map((value): AudienceCondition => ({ category: "customer", attribute: "group", operator: "in_group", value })) };
    const index = groupRuleIndex(rules);
    const others = rules.all.filter((_, position) => position !== index);
    onChange({ all: rule.any.length ? [rule, ...others] : others });
  };
  if (groups.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        {t("noGroups")}{" "}
        <Link href="/customers/groups" className="font-medium text-brand-700 hover:underline">
          {t("createGroup")}
        </Link>
      </p>
    );
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{t("groups")}</legend>
      <p className="mt-0.5 text-sm text-slate-500">{t("groupsHint")}</p>
      <div className="mt-2 flex flex-wrap gap-2" data-testid="campaign-groups">
        {groups.map((group) => (
          <label
            key={group.id}
            className={cn(
              "inline-flex cursor-pointer items-center gap-2 rounded-full px-3 py-1.5 text-sm ring-1 ring-inset focus-within:ring-2 focus-within:ring-brand-500",
              chosen.has(group.id) ? "bg-brand-50 font-medium text-brand-800 ring-brand-300" : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50",
            )}
          >
            <input type="checkbox" className="sr-only" checked={chosen.has(group.id)} onChange={() => toggle(group.id)} data-testid="campaign-group" />
            <UsersRound className="h-4 w-4" aria-hidden />
            {group.name}
            <span className="text-xs text-slate-500 tabular-nums">{t("members", { count: group.memberCount })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
