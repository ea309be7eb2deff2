import "server-only";
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { audienceSelect, countAudience, countEachCustomerAudience, type AudienceGroups, type AudienceQuery } from "@/db/queries/audience";
import { companies, customerGroupMembers, customerGroups, customers, type AudienceRules, type CustomerGroupKind, type GroupMemberSource } from "@/db/schema";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { RULE_ERRORS } from "@/lib/automations/rules/schema";

/** Groups nest (a dynamic group "in group X"), but not without end. */
const MAX_GROUPS = 50;
/** A static group holds at most this many customers added at once. */

/** The group ids "is / is not in group" conditions of these rules name. */
function groupIdsIn(rules: AudienceRules): string[] {
  const ids = rules.all.flatMap((rule) =>
    rule.any.flatMap((condition) => (condition.category === "customer" && condition.attribute === "group" && typeof condition.value === "string" ? [condition.value] : [])),
  );
  return [...new Set(ids)];
}

/** The company's groups among these ids (archived ones too: a rule naming one keeps working). */
async function findGroupsForRules(db: Db, { companyId, groupIds }: { companyId: string; groupIds: readonly string[] }) {
  if (groupIds.length === 0) return [];
  return db
    .select({ id: customerGroups.id, kind: customerGroups.kind, rules: customerGroups.rules })
    .from(customerGroups)
    .where(and(eq(customerGroups.companyId, companyId), inArray(customerGroups.id, [...groupIds])));
}

/**
 * The groups these rules name, and those the named dynamic groups name in turn, loaded for
 * the company only: another company's group id, an unknown one, a group that names itself
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
    for (const row of rows) {
      // The group being saved is judged on its new rules, not the stored ones.
      const groupRules = self && row.id === self.id ? rules : row.rules;
      groups[row.id] = row.kind === "static" ? { kind: "static" } : { kind: "dynamic", rules: groupRules };
    }
    const next = rows.flatMap((row) => {
      const group = groups[row.id]!;
      return group.kind === "dynamic" ? groupIdsIn(group.rules) : [];
    });
    pending = [...new Set(next)].filter((id) => !Object.hasOwn(groups, id));
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

/** The group pickers (rule builder, "Add to group"): the company's groups that are not archived, by name. */
export async function listGroupChoices(db: Db, { companyId, kind }: { companyId: string; kind?: CustomerGroupKind }) {
  return db
    .select({ id: customerGroups.id, name: customerGroups.name })
    .from(customerGroups)
    .where(and(eq(customerGroups.companyId, companyId), isNull(customerGroups.archivedAt), kind ? eq(customerGroups.kind, kind) : undefined))
    .orderBy(asc(sql`lower(${customerGroups.name})`))
    .limit(500);
}

export type GroupRow = typeof customerGroups.$inferSelect;

export async function findGroup(db: Db, { companyId, groupId }: { companyId: string; groupId: string }) {
  const [row] = await db
    .select()
    .from(customerGroups)
    .where(and(eq(customerGroups.companyId, companyId), eq(customerGroups.id, groupId)))
    .limit(1);
  return row;
}

async function companyTimeZone(db: Db, companyId: string) {
  const [row] = await db.select({ timezone: companies.timezone }).from(companies).where(eq(companies.id, companyId)).limit(1);
  if (!row) throw new NotFoundError();
  return row.timezone;
}

const inGroupRules = (groupId: string): AudienceRules => ({ all: [{ any: [{ category: "customer", attribute: "group", operator: "in_group", value: groupId }] }] });

/**
 * A group's customers as the one compiler reads them: the rule "is in group <id>", so a
 * static group is its live members and a dynamic one its rules evaluated now.
 */
export async function groupAudience(db: Db, { companyId, groupId, now = new Date(), timeZone }: { companyId: string; groupId: string; now?: Date; timeZone?: string }) {
  return withAudienceGroups(db, {
    companyId,
    rules: inGroupRules(groupId),
    subject: "customer",
    now,
    timeZone: timeZone ?? (await companyTimeZone(db, companyId)),
  });
}

/** The ids of the group's customers, as a subquery (members list, export, freeze). */
export function groupCustomerIds(query: AudienceQuery): SQL {
  return sql`select customer_id from (${audienceSelect(query)}) members`;
}

export async function countGroupMembers(db: Db, { companyId, groupId }: { companyId: string; groupId: string }) {
  return countAudience(db, await groupAudience(db, { companyId, groupId }));
}

export type GroupListRow = { id: string; name: string; kind: CustomerGroupKind; description: string | null; archivedAt: Date | null; updatedAt: Date; memberCount: number };

/**
 * The company's groups by name with how many customers each holds now: static groups'
 * members in one grouped query, every dynamic group's rules in one scan of the customers.
 */
export async function listGroups(db: Db, { companyId, archived = false }: { companyId: string; archived?: boolean }): Promise<GroupListRow[]> {
  const rows = await db
    .select({
      id: customerGroups.id,
      name: customerGroups.name,
      kind: customerGroups.kind,
      description: customerGroups.description,
      archivedAt: customerGroups.archivedAt,
      updatedAt: customerGroups.updatedAt,
    })
    .from(customerGroups)
    .where(and(eq(customerGroups.companyId, companyId), archived ? sql`${customerGroups.archivedAt} is not null` : isNull(customerGroups.archivedAt)))
    .orderBy(asc(sql`lower(${customerGroups.name})`))
    .limit(200);
  if (rows.length === 0) return [];
  const dynamicIds = rows.filter((row) => row.kind === "dynamic").map((row) => row.id);
  const [staticCounts, dynamicCounts] = await Promise.all([
    countStaticMembers(db, { companyId, groupIds: rows.filter((row) => row.kind === "static").map((row) => row.id) }),
    countDynamicGroups(db, { companyId, groupIds: dynamicIds }),
  ]);
  return rows.map((row) => ({ ...row, memberCount: (row.kind === "static" ? staticCounts.get(row.id) : dynamicCounts.get(row.id)) ?? 0 }));
}

/** Live members (merged-away customers left out, as the audience compiler does) of each static group. */
async function countStaticMembers(db: Db, { companyId, groupIds }: { companyId: string; groupIds: string[] }) {
  if (groupIds.length === 0) return new Map<string, number>();
  const counts = await db
    .select({ groupId: customerGroupMembers.groupId, count: sql<number>`count(*)::int` })
    .from(customerGroupMembers)
    .innerJoin(customers, and(eq(customers.id, customerGroupMembers.customerId), eq(customers.companyId, customerGroupMembers.companyId)))
    .where(and(eq(customerGroupMembers.companyId, companyId), inArray(customerGroupMembers.groupId, groupIds), isNull(customers.mergedIntoId)))
    .groupBy(customerGroupMembers.groupId);
  return new Map(counts.map((row) => [row.groupId, Number(row.count)]));
}

/**
 * Each dynamic group's rules evaluated now, all in one statement; the groups they may name
 * are the company's, loaded at once. A group whose rules name a group since lost, or itself
 * through others, counts as empty rather than failing the list.
 */
async function countDynamicGroups(db: Db, { companyId, groupIds }: { companyId: string; groupIds: string[] }) {
  if (groupIds.length === 0) return new Map<string, number>();
  const [timeZone, all] = await Promise.all([
    companyTimeZone(db, companyId),
    db.select({ id: customerGroups.id, kind: customerGroups.kind, rules: customerGroups.rules }).from(customerGroups).where(eq(customerGroups.companyId, companyId)),
  ]);
  const groups: AudienceGroups = Object.fromEntries(all.map((group) => [group.id, group.kind === "static" ? { kind: "static" as const } : { kind: "dynamic" as const, rules: group.rules }]));
  const counts = await countEachCustomerAudience(db, {
    companyId,
    now: new Date(),
    timeZone,
    groups,
    rulesList: groupIds.map(inGroupRules),
  });
  return new Map(groupIds.map((groupId, index) => [groupId, counts[index] ?? 0]));
}

export async function insertGroup(
  db: Db,
  values: { companyId: string; name: string; description: string | null; kind: CustomerGroupKind; rules: AudienceRules; createdByUserId: string | null },
) {
  const [row] = await db.insert(customerGroups).values(values).returning();
  return row!;
}

export async function updateGroupRow(
  db: Db,
  { companyId, groupId, ...values }: { companyId: string; groupId: string; name?: string; description?: string | null; rules?: AudienceRules; archivedAt?: Date | null },
) {
  const [row] = await db
    .update(customerGroups)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(customerGroups.companyId, companyId), eq(customerGroups.id, groupId)))
    .returning();
  return row;
}

/** Is another live group of the company already called this (names are unique, case aside)? */
export async function groupNameTaken(db: Db, { companyId, name, exceptId }: { companyId: string; name: string; exceptId?: string }) {
  const [row] = await db
    .select({ id: customerGroups.id })
    .from(customerGroups)
    .where(
      and(
        eq(customerGroups.companyId, companyId),
        isNull(customerGroups.archivedAt),
        sql`lower(${customerGroups.name}) = lower(${name})`,
        exceptId ? sql`${customerGroups.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Adds the company's live customers among these ids to a static group; ids of another
 * company's or merged-away customers add nothing. Returns how many joined.
 */
export async function insertGroupMembers(
  db: Db,
  { companyId, groupId, customerIds, source, userId }: { companyId: string; groupId: string; customerIds: readonly string[]; source: GroupMemberSource; userId: string | null },
) {
  if (customerIds.length === 0) return 0;
  const rows = await queryRows<{ customer_id: string }>(
    db,
    sql`insert into customer_group_members (group_id, customer_id, company_id, source, added_by_user_id)
      select ${groupId}::uuid, c.id, c.company_id, ${source}, ${userId}::uuid from customers c
      where c.company_id = ${companyId} and c.merged_into_id is null and c.id in (${sql.join(customerIds.map((id) => sql`${id}::uuid`), sql`, `)})
      on conflict (group_id, customer_id) do nothing
      returning customer_id`,
  );
  return rows.length;
}

/** Adds every customer of an audience subquery (a frozen dynamic group) at once. */
export async function insertGroupMembersFrom(db: Db, { companyId, groupId, customerIds, source, userId }: { companyId: string; groupId: string; customerIds: SQL; source: GroupMemberSource; userId: string | null }) {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`with added as (insert into customer_group_members (group_id, customer_id, company_id, source, added_by_user_id)
      select ${groupId}::uuid, c.id, c.company_id, ${source}, ${userId}::uuid from customers c
      where c.company_id = ${companyId} and c.merged_into_id is null and c.id in (${customerIds})
      on conflict (group_id, customer_id) do nothing returning 1) select count(*)::int as count from added`,
  );
  return Number(rows[0]?.count ?? 0);
}

export async function deleteGroupMembers(db: Db, { companyId, groupId, customerIds }: { companyId: string; groupId: string; customerIds: readonly string[] }) {
  if (customerIds.length === 0) return 0;
  const rows = await db
    .delete(customerGroupMembers)
    .where(and(eq(customerGroupMembers.companyId, companyId), eq(customerGroupMembers.groupId, groupId), inArray(customerGroupMembers.customerId, [...customerIds])))
    .returning({ customerId: customerGroupMembers.customerId });
  return rows.length;
}

export type GroupExportRow = { firstName: string; lastName: string; mobile: string | null; email: string | null; language: string; attributes: Record<string, unknown> };

/** Every customer of the group, by name, for the CSV export. */
export async function groupExportRows(db: Db, { companyId, groupId }: { companyId: string; groupId: string }): Promise<GroupExportRow[]> {
  const query = await groupAudience(db, { companyId, groupId });
  return db
    .select({
      firstName: customers.firstName,
      lastName: customers.lastName,
      mobile: customers.mobile,
      email: customers.email,
      language: customers.language,
      attributes: customers.attributes,
    })
    .from(customers)
    .where(and(eq(customers.companyId, companyId), isNull(customers.mergedIntoId), sql`${customers.id} in (${groupCustomerIds(query)})`))
    .orderBy(asc(customers.lastName), asc(customers.firstName), asc(customers.id));
}
