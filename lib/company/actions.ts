import { and, eq, inArray } from "drizzle-orm";
import { listCompanyUsers } from "@/db/queries/users";
import { companies, conversations, teamMembers, teams } from "@/db/schema";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { parseAssignee } from "@/lib/conversations/assign";
import { conversationSettingsSchema, createTeamSchema, deleteTeamSchema, renameTeamSchema, reviewLinksSchema, setTeamMembersSchema } from "./validation";

const ADMIN = { roles: ["admin" as const] };

async function uniqueName<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (String((error as { cause?: unknown }).cause ?? error).includes("teams_company_name_idx")) throw new SafeError("company.teamNameTaken");
    throw error;
  }
}

/** CONV-13: admins create teams; everyone sees every team's conversations. */
export const createTeam = defineAction({ input: createTeamSchema, ...ADMIN }, async ({ name }, { db, companyId }) => {
  const [team] = await uniqueName(() => db.insert(teams).values({ companyId, name }).returning());
  return team!;
});

export const renameTeam = defineAction({ input: renameTeamSchema, ...ADMIN }, async ({ teamId, name }, { db, companyId }) => {
  const [team] = await uniqueName(() =>
    db.update(teams).set({ name }).where(and(eq(teams.companyId, companyId), eq(teams.id, teamId))).returning(),
  );
  if (!team) throw new NotFoundError();
  return team;
});

/** Deleting a team leaves its conversations unassigned, never lost. */
export const deleteTeam = defineAction({ input: deleteTeamSchema, ...ADMIN }, async ({ teamId }, { db, companyId }) => {
  return db.transaction(async (tx) => {
    const [team] = await tx.delete(teams).where(and(eq(teams.companyId, companyId), eq(teams.id, teamId))).returning();
    if (!team) throw new NotFoundError();
    await tx.update(conversations).set({ assigneeTeamId: null }).where(and(eq(conversations.companyId, companyId), eq(conversations.assigneeTeamId, teamId)));
    await tx.update(companies).set({ defaultAssigneeTeamId: null }).where(and(eq(companies.id, companyId), eq(companies.defaultAssigneeTeamId, teamId)));
    return { id: team.id };
  });
});

export const setTeamMembers = defineAction({ input: setTeamMembersSchema, ...ADMIN }, async ({ teamId, userIds }, { db, companyId }) => {
  const [team] = await db.select().from(teams).where(and(eq(teams.companyId, companyId), eq(teams.id, teamId)));
  if (!team) throw new NotFoundError();
  const members = new Set((await listCompanyUsers(db, { companyId })).map((u) => u.id));
  if (userIds.some((id) => !members.has(id))) throw new SafeError("company.memberInvalid");
  await db.transaction(async (tx) => {
    await tx.delete(teamMembers).where(and(eq(teamMembers.companyId, companyId), eq(teamMembers.teamId, teamId)));
    if (userIds.length) await tx.insert(teamMembers).values([...new Set(userIds)].map((userId) => ({ companyId, teamId, userId })));
  });
  return { teamId, userIds };
});

export const updateConversationSettings = defineAction(
  { input: conversationSettingsSchema, ...ADMIN },
  async ({ autoCloseDays, unansweredAfterHours, defaultAssignee }, { db, companyId }) => {
    const target = defaultAssignee ? parseAssignee(defaultAssignee) : { userId: null, teamId: null };
    if (target.userId && !(await listCompanyUsers(db, { companyId })).some((u) => u.id === target.userId)) throw new SafeError("conversations.assigneeInvalid");
    if (target.teamId && !(await db.select().from(teams).where(and(eq(teams.companyId, companyId), inArray(teams.id, [target.teamId])))).length) {
      throw new SafeError("conversations.assigneeInvalid");
    }
    const [company] = await db
      .update(companies)
      .set({ autoCloseDays, unansweredAfterHours, defaultAssigneeUserId: target.userId, defaultAssigneeTeamId: target.teamId })
      .where(eq(companies.id, companyId))
      .returning({ autoCloseDays: companies.autoCloseDays, unansweredAfterHours: companies.unansweredAfterHours });
    return company!;
  },
);

export const updateReviewLinks = defineAction({ input: reviewLinksSchema, ...ADMIN }, async ({ links }, { db, companyId }) => {
  const [company] = await db.update(companies).set({ reviewLinks: links }).where(eq(companies.id, companyId)).returning({ reviewLinks: companies.reviewLinks });
  return company!;
});
