"use server";

import { z } from "zod";
import { countAudience } from "@/db/queries/audience";
import { findCompany } from "@/db/queries/companies";
import { listCustomers } from "@/db/queries/customers";
import {
  deleteGroupMembers,
  findGroup,
  groupAudience,
  groupCustomerIds,
  groupNameTaken,
  insertGroup,
  insertGroupMembers,
  insertGroupMembersFrom,
  resolveAudienceGroups,
  updateGroupRow,
} from "@/db/queries/groups";
import type { AudienceRules } from "@/db/schema";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { catalogueIssues } from "@/lib/automations/rules/schema";
import { loadAudienceCatalogue } from "@/lib/automations/rules/load";
import { customerPageResultSchema } from "@/lib/customers/types";
import {
  countGroupSchema,
  createGroupSchema,
  freezeGroupSchema,
  groupIdSchema,
  groupMembersPageSchema,
  groupMembersSchema,
  updateGroupSchema,
} from "./validation";

const PERMISSION = "manageGroups" as const;
const saved = z.object({ id: z.string() });
const changed = z.object({ count: z.number() });

async function assertNameFree({ db, companyId }: ActionContext, name: string, exceptId?: string) {
  if (await groupNameTaken(db, { companyId, name, exceptId })) throw new SafeError("groups.errors.nameTaken", { name });
}

/** Rules of a dynamic group: attributes and groups of this company, no group naming itself. */
async function assertGroupRules({ db, companyId }: ActionContext, rules: AudienceRules, self?: { id: string }) {
  const issues = catalogueIssues(rules, await loadAudienceCatalogue(db, { companyId }));
  if (issues[0]) throw new SafeError(issues[0].message);
  await resolveAudienceGroups(db, { companyId, rules, self });
}

async function liveGroup({ db, companyId }: ActionContext, groupId: string) {
  const group = await findGroup(db, { companyId, groupId });
  if (!group) throw new NotFoundError();
  if (group.archivedAt) throw new SafeError("groups.errors.archived");
  return group;
}

async function staticGroup(context: ActionContext, groupId: string) {
  const group = await liveGroup(context, groupId);
  if (group.kind !== "static") throw new SafeError("groups.errors.notStatic");
  return group;
}

export const createGroup = defineAction({ input: createGroupSchema, output: saved, permission: PERMISSION }, async (input, context) => {
  const { db, companyId, userId } = context;
  await assertNameFree(context, input.name);
  if (input.kind === "dynamic") await assertGroupRules(context, input.rules);
  return db.transaction(async (tx) => {
    const group = await insertGroup(tx, {
      companyId,
      name: input.name,
      description: input.description,
      kind: input.kind,
      rules: input.kind === "dynamic" ? input.rules : { all: [] },
      createdByUserId: userId,
    });
    if (input.kind === "static") await insertGroupMembers(tx, { companyId, groupId: group.id, customerIds: input.customerIds, source: "selection", userId });
    return { id: group.id };
  });
});

export const updateGroup = defineAction({ input: updateGroupSchema, output: saved, permission: PERMISSION }, async ({ groupId, name, description, rules }, context) => {
  const group = await liveGroup(context, groupId);
  await assertNameFree(context, name, groupId);
  if (rules && group.kind !== "dynamic") throw new SafeError("groups.errors.notDynamic");
  if (rules) await assertGroupRules(context, rules, { id: groupId });
  await updateGroupRow(context.db, { companyId: context.companyId, groupId, name, description, ...(rules ? { rules } : {}) });
  return { id: groupId };
});

/** Archived groups leave the lists and the rule picker; rules already naming one keep working. */
export const archiveGroup = defineAction({ input: groupIdSchema, output: saved, permission: PERMISSION }, async ({ groupId }, context) => {
  await liveGroup(context, groupId);
  await updateGroupRow(context.db, { companyId: context.companyId, groupId, archivedAt: new Date() });
  return { id: groupId };
});

export const restoreGroup = defineAction({ input: groupIdSchema, output: saved, permission: PERMISSION }, async ({ groupId }, context) => {
  const group = await findGroup(context.db, { companyId: context.companyId, groupId });
  if (!group) throw new NotFoundError();
  await assertNameFree(context, group.name, groupId);
  await updateGroupRow(context.db, { companyId: context.companyId, groupId, archivedAt: null });
  return { id: groupId };
});

/** From the directory's selection: the company's live customers only join. */
export const addCustomersToGroup = defineAction({ input: groupMembersSchema, output: changed, permission: PERMISSION }, async ({ groupId, customerIds }, context) => {
  await staticGroup(context, groupId);
  const count = await insertGroupMembers(context.db, { companyId: context.companyId, groupId, customerIds, source: "selection", userId: context.userId });
  return { count };
});

export const removeCustomersFromGroup = defineAction({ input: groupMembersSchema, output: changed, permission: PERMISSION }, async ({ groupId, customerIds }, context) => {
  await staticGroup(context, groupId);
  return { count: await deleteGroupMembers(context.db, { companyId: context.companyId, groupId, customerIds }) };
});

/** A static copy of who is in the group now (a dynamic group's rules evaluated once). */
export const freezeGroup = defineAction({ input: freezeGroupSchema, output: saved.extend({ count: z.number() }), permission: PERMISSION }, async ({ groupId, name }, context) => {
  const { db, companyId, userId } = context;
  const source = await liveGroup(context, groupId);
  await assertNameFree(context, name);
  const audience = await groupAudience(db, { companyId, groupId });
  return db.transaction(async (tx) => {
    const group = await insertGroup(tx, { companyId, name, description: source.description, kind: "static", rules: { all: [] }, createdByUserId: userId });
    const count = await insertGroupMembersFrom(tx, { companyId, groupId: group.id, customerIds: groupCustomerIds(audience), source: "frozen", userId });
    return { id: group.id, count };
  });
});

/** The group editor's live count: the rules as they are now, the group being edited refusing itself. */
export const countGroupAudience = defineAction({ input: countGroupSchema, output: changed, permission: PERMISSION }, async ({ groupId, rules }, { db, companyId }) => {
  const company = await findCompany(db, { companyId });
  if (!company) throw new NotFoundError();
  const groups = await resolveAudienceGroups(db, { companyId, rules, self: groupId ? { id: groupId } : undefined });
  return { count: await countAudience(db, { companyId, rules, subject: "customer", now: new Date(), timeZone: company.timezone, groups }) };
});

/** The next page of a group's members (keyset, by name), optionally searched. */
export const loadGroupMembers = defineAction({ input: groupMembersPageSchema, output: customerPageResultSchema, permission: PERMISSION }, async ({ groupId, q, cursor }, { db, companyId }) => {
  if (!(await findGroup(db, { companyId, groupId }))) throw new NotFoundError();
  const audience = await groupAudience(db, { companyId, groupId });
  return listCustomers(db, { companyId, query: q, cursor: cursor ?? null, within: groupCustomerIds(audience) });
});
