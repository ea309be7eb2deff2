import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";

export async function findTeam(db: Db, { companyId, teamId }: { companyId: string; teamId: string }) {
  const [team] = await db.select().from(teams).where(and(eq(teams.companyId, companyId), eq(teams.id, teamId)));
  return team;
}

export async function insertTeam(db: Db, { companyId, name }: { companyId: string; name: string }) {
  const [team] = await db.insert(teams).values({ companyId, name }).returning();
  return team!;
}

export async function renameTeamRow(db: Db, { companyId, teamId, name }: { companyId: string; teamId: string; name: string }) {
  const [team] = await db.update(teams).set({ name }).where(and(eq(teams.companyId, companyId), eq(teams.id, teamId))).returning();
  return team;
}

export async function deleteTeamRow(db: Db, { companyId, teamId }: { companyId: string; teamId: string }) {
  const [team] = await db.delete(teams).where(and(eq(teams.companyId, companyId), eq(teams.id, teamId))).returning();
  return team;
}

/** The team's members become exactly these users. */
export async function replaceTeamMembers(db: Db, { companyId, teamId, userIds }: { companyId: string; teamId: string; userIds: string[] }) {
  await db.delete(teamMembers).where(and(eq(teamMembers.companyId, companyId), eq(teamMembers.teamId, teamId)));
  if (userIds.length) await db.insert(teamMembers).values(userIds.map((userId) => ({ companyId, teamId, userId })));
}
