"use server";

import { z } from "zod";
import { clearDefaultAssigneeTeam, updateCompanySettings } from "@/db/queries/companies";
import { unassignTeamConversations } from "@/db/queries/conversations";
import { deleteTeamRow, findTeam, insertTeam, renameTeamRow, replaceTeamMembers } from "@/db/queries/teams";
import { listCompanyUsers } from "@/db/queries/users";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { parseAssignee } from "@/lib/conversations/assign";
import { recordAssignments } from "@/lib/conversations/assignment";
import { NOBODY } from "@/lib/conversations/routing";
import { nudgeWebhookDelivery } from "@/lib/webhooks/record";
import { businessHoursSchema, conversationSettingsSchema, createTeamSchema, deleteTeamSchema, renameTeamSchema, reviewLinksSchema, setTeamMembersSchema, weeklyReportSchema } from "./validation";

const teamSchema = z.object({ id: z.string(), name: z.string() });

async function uniqueName<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (String((error as { cause?: unknown }).cause ?? error).includes("teams_company_name_idx")) throw new SafeError("company.teamNameTaken");
    throw error;
  }
}

/** CONV-13: admins create teams; everyone sees every team's conversations. */
export const createTeam = defineAction({ input: createTeamSchema, output: teamSchema, permission: "manageTeams" }, async ({ name }, { db, companyId }) =>
  uniqueName(() => insertTeam(db, { companyId, name })),
);

export const renameTeam = defineAction({ input: renameTeamSchema, output: teamSchema, permission: "manageTeams" }, async ({ teamId, name }, { db, companyId }) => {
  const team = await uniqueName(() => renameTeamRow(db, { companyId, teamId, name }));
  if (!team) throw new NotFoundError();
  return team;
});

/** Deleting a team leaves its conversations unassigned, never lost. */
export const deleteTeam = defineAction({ input: deleteTeamSchema, output: z.object({ id: z.string() }), permission: "manageTeams" }, async ({ teamId }, { db, companyId, userId }) => {
  const deleted = await db.transaction(async (tx) => {
    const team = await deleteTeamRow(tx, { companyId, teamId });
    if (!team) throw new NotFoundError();
    const unassigned = await unassignTeamConversations(tx, { companyId, teamId });
    await recordAssignments(tx, {
      companyId,
      changes: unassigned.map((c) => ({ conversationId: c.id, customerId: c.customerId, from: { assigneeUserId: null, assigneeTeamId: teamId } })),
      to: NOBODY,
      byUserId: userId,
      reason: "team_deleted",
      now: new Date(),
    });
    await clearDefaultAssigneeTeam(tx, { companyId, teamId });
    return { id: team.id, unassigned: unassigned.length };
  });
  if (deleted.unassigned) await nudgeWebhookDelivery();
  return { id: deleted.id };
});

export const setTeamMembers = defineAction(
  { input: setTeamMembersSchema, output: z.object({ teamId: z.string(), userIds: z.array(z.string()) }), permission: "manageTeams" },
  async ({ teamId, userIds }, { db, companyId }) => {
    if (!(await findTeam(db, { companyId, teamId }))) throw new NotFoundError();
    const members = new Set((await listCompanyUsers(db, { companyId })).map((u) => u.id));
    if (userIds.some((id) => !members.has(id))) throw new SafeError("company.memberInvalid");
    await db.transaction((tx) => replaceTeamMembers(tx, { companyId, teamId, userIds: [...new Set(userIds)] }));
    return { teamId, userIds };
  },
);

export const updateConversationSettings = defineAction(
  { input: conversationSettingsSchema, output: z.object({ autoCloseDays: z.number().nullable(), unansweredAfterHours: z.number() }), permission: "manageCompany" },
  async ({ autoCloseDays, unansweredAfterHours, defaultAssignee }, { db, companyId }) => {
    const target = defaultAssignee ? parseAssignee(defaultAssignee) : { userId: null, teamId: null };
    if (target.userId && !(await listCompanyUsers(db, { companyId })).some((u) => u.id === target.userId)) throw new SafeError("conversations.assigneeInvalid");
    if (target.teamId && !(await findTeam(db, { companyId, teamId: target.teamId }))) throw new SafeError("conversations.assigneeInvalid");
    return updateCompanySettings(db, {
      companyId,
      changes: { autoCloseDays, unansweredAfterHours, defaultAssigneeUserId: target.userId, defaultAssigneeTeamId: target.teamId },
    });
  },
);

export const updateReviewLinks = defineAction(
  { input: reviewLinksSchema, output: z.object({ reviewLinks: z.array(z.object({ label: z.string(), url: z.string() })) }), permission: "manageCompany" },
  async ({ links }, { db, companyId }) => updateCompanySettings(db, { companyId, changes: { reviewLinks: links } }),
);

const businessDayOutput = z.object({ day: z.number(), open: z.string(), close: z.string() });

/** Business hours (first-response times count only open hours when set); saved sorted Monday to Sunday, or null when off. */
export const updateBusinessHours = defineAction(
  { input: businessHoursSchema, output: z.object({ businessHours: z.array(businessDayOutput).nullable() }), permission: "manageCompany" },
  async ({ enabled, days }, { db, companyId }) => {
    const businessHours = enabled ? [...days].sort((a, b) => a.day - b.day) : null;
    return updateCompanySettings(db, { companyId, changes: { businessHours } });
  },
);

/** The weekly progress email for the whole company; each member may still turn their own off. */
export const updateWeeklyReport = defineAction(
  { input: weeklyReportSchema, output: z.object({ weeklyReportEnabled: z.boolean() }), permission: "manageCompany" },
  async ({ enabled }, { db, companyId }) => updateCompanySettings(db, { companyId, changes: { weeklyReportEnabled: enabled } }),
);
