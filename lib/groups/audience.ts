import "server-only";
import type { Db } from "@/db/client";
import type { AudienceGroups, AudienceQuery } from "@/db/queries/audience";
import { findGroupsForRules } from "@/db/queries/groups";
import type { AudienceRules } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import { RULE_ERRORS } from "@/lib/automations/rules/schema";

/** Groups nest (a dynamic group "in group X"), but not without end. */
const MAX_GROUPS = 50;

/** The group ids "is / is not in group" conditions of these rules name. */
export function groupIdsIn(rules: AudienceRules): string[] {
  const ids = rules.all.flatMap((rule) =>
    rule.any.flatMap((condition) => (condition.category === "customer" && condition.attribute === "group" && typeof condition.value === "string" ? [condition.value] : [])),
  );
  return [...new Set(ids)];
}

/**
 * The groups these rules name, and those the named dynamic groups name in turn, loaded for
 * the company only: another company's group id, a deleted one, a group that names itself
 * (directly or through others) are refused with the rule builder's error.
 * `self` is a group being saved with `rules`: naming it is a cycle too.
 */
export async function resolveAudienceGroups(db: Db, { companyId, rules, self }: { companyId: string; rules: AudienceRules; self?: { id: string } }): Promise<AudienceGroups> {
  const groups: Record<string, AudienceGroups[string]> = {};
  let pending = groupIdsIn(rules);
  while (pending.length > 0) {
    if (Object.keys(groups).length + pending.length > MAX_GROUPS) throw new SafeError(RULE_ERRORS.tooManyRules);
    const rows = await findGroupsForRules(db, { companyId, groupIds: pending });
    if (rows.length !== pending.length) throw new SafeError(RULE_ERRORS.groupUnknown);
    const next = new Set<string>();
    for (const row of rows) {
      // The group being saved is judged on its new rules, not the stored ones.
      const groupRules = self && row.id === self.id ? rules : row.rules;
      groups[row.id] = row.kind === "static" ? { kind: "static" } : { kind: "dynamic", rules: groupRules };
      if (row.kind === "dynamic") for (const id of groupIdsIn(groupRules)) if (!Object.hasOwn(groups, id)) next.add(id);
    }
    pending = [...next].filter((id) => !Object.hasOwn(groups, id));
  }
  if (hasCycle(rules, groups, self ? [self.id] : [])) throw new SafeError(RULE_ERRORS.groupCycle);
  return groups;
}

function hasCycle(rules: AudienceRules, groups: AudienceGroups, path: string[]): boolean {
  return groupIdsIn(rules).some((id) => {
    if (path.includes(id)) return true;
    const group = groups[id];
    return group?.kind === "dynamic" && hasCycle(group.rules, groups, [...path, id]);
  });
}

/** The audience query with the groups its rules name: what every caller of the compiler passes. */
export async function withAudienceGroups<Q extends AudienceQuery>(db: Db, query: Q): Promise<Q> {
  if (groupIdsIn(query.rules).length === 0) return query;
  return { ...query, groups: await resolveAudienceGroups(db, { companyId: query.companyId, rules: query.rules }) };
}
