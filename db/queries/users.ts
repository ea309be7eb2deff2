import "server-only";
import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, teamMembers, teams, users } from "@/db/schema";

/** Sign-in happens before a company is known: the only lookups not scoped to one. */
export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return user;
}

export async function findMembershipsOfUser(db: Db, userId: string) {
  return db
    .select({ companyId: memberships.companyId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(memberships.createdAt));
}

export type CompanyUser = Awaited<ReturnType<typeof findCompanyUser>>;

/** A user of the company with their role there; undefined when not a member. */
export async function findCompanyUser(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      firstName: users.firstName,
      lastName: users.lastName,
      language: users.language,
      jobTitle: users.jobTitle,
      photoUrl: users.photoUrl,
      signature: users.signature,
      signatureEnabled: users.signatureEnabled,
      awayEnabled: users.awayEnabled,
      awayUntil: users.awayUntil,
      awayDelegateUserId: users.awayDelegateUserId,
      awayDelegateTeamId: users.awayDelegateTeamId,
      notificationPreferences: users.notificationPreferences,
      passwordChangedAt: users.passwordChangedAt,
      sessionVersion: users.sessionVersion,
      role: memberships.role,
      permissions: memberships.permissions,
      lastSeenAt: memberships.lastSeenAt,
      externalId: memberships.externalId,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(eq(memberships.companyId, companyId), eq(users.id, userId), eq(memberships.active, true)),
    )
    .limit(1);
  return row;
}

export async function listCompanyUsers(db: Db, { companyId }: { companyId: string }) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      permissions: memberships.permissions,
      awayEnabled: users.awayEnabled,
      awayUntil: users.awayUntil,
      photoUrl: users.photoUrl,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.companyId, companyId), eq(memberships.active, true)))
    .orderBy(asc(users.name));
}

export async function listTeams(db: Db, { companyId }: { companyId: string }) {
  const rows = await db.select().from(teams).where(eq(teams.companyId, companyId)).orderBy(asc(teams.name));
  const members = rows.length
    ? await db
        .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
        .from(teamMembers)
        .where(and(eq(teamMembers.companyId, companyId), inArray(teamMembers.teamId, rows.map((t) => t.id))))
    : [];
  return rows.map((team) => ({
    ...team,
    memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId),
  }));
}

export type AwaySettings = {
  awayEnabled: boolean;
  awayUntil: Date | null;
  awayDelegateUserId: string | null;
  awayDelegateTeamId: string | null;
};

export async function updateAwaySettings(
  db: Db,
  { companyId, userId, settings }: { companyId: string; userId: string; settings: AwaySettings },
) {
  const member = await findCompanyUser(db, { companyId, userId });
  if (!member) return undefined;
  const [row] = await db.update(users).set(settings).where(eq(users.id, userId)).returning();
  return row;
}

/** Users whose away mode has reached its end time. Not tenant data: a system sweep. */
export async function findExpiredAwayUsers(db: Db, now: Date) {
  return db
    .select({ id: users.id, awayUntil: users.awayUntil })
    .from(users)
    .where(and(eq(users.awayEnabled, true), isNotNull(users.awayUntil), lte(users.awayUntil, now)));
}

export async function clearAwayMode(db: Db, { userId, now }: { userId: string; now: Date }) {
  return db
    .update(users)
    .set({ awayEnabled: false, awayUntil: null, awayDelegateUserId: null, awayDelegateTeamId: null })
    .where(
      and(
        eq(users.id, userId),
        eq(users.awayEnabled, true),
        isNotNull(users.awayUntil),
        lte(users.awayUntil, now),
      ),
    )
    .returning({ id: users.id });
}

/** The members of some of the company's teams (each user once). */
export async function listTeamMemberIds(db: Db, { companyId, teamIds }: { companyId: string; teamIds: string[] }) {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.companyId, companyId), inArray(teamMembers.teamId, teamIds)));
  return rows.map((row) => row.userId);
}

/** A user's away mode and delegate (USER-4), read when a conversation is routed to them. */
export async function findAwayDelegation(db: Db, { userId }: { userId: string }) {
  const [row] = await db
    .select({ awayEnabled: users.awayEnabled, delegateUserId: users.awayDelegateUserId, delegateTeamId: users.awayDelegateTeamId })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** The company's members, as a subquery that scopes updates of the users table. */
export const memberOf = (db: Db, companyId: string) =>
  db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.companyId, companyId));

/** The session version of an active member; undefined once they left or were deactivated. */
export async function findSessionVersion(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const [row] = await db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.companyId, companyId), eq(users.id, userId), eq(memberships.active, true)))
    .limit(1);
  return row?.sessionVersion;
}

/** Ends every session of the user: their cookies carry the old version. */
export async function revokeUserSessions(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const rows = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), inArray(users.id, memberOf(db, companyId))))
    .returning({ sessionVersion: users.sessionVersion });
  return rows[0]?.sessionVersion;
}

export async function updateUserLanguage(
  db: Db,
  { companyId, userId, language }: { companyId: string; userId: string; language: "fr" | "en" },
) {
  const rows = await db
    .update(users)
    .set({ language })
    .where(and(eq(users.id, userId), inArray(users.id, memberOf(db, companyId))))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function findPasswordHash(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const [row] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.id, memberOf(db, companyId))));
  return row?.hash;
}

/** Replaces the password if it is still `currentHash`, and ends every session opened with the old one. */
export async function replacePassword(
  db: Db,
  { companyId, userId, currentHash, passwordHash, now }: { companyId: string; userId: string; currentHash: string; passwordHash: string; now: Date },
) {
  const rows = await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.passwordHash, currentHash), inArray(users.id, memberOf(db, companyId))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** A reset link proved who the user is before any company is known: keyed by the user only. */
export async function setPasswordFromReset(db: Db, { userId, passwordHash, now }: { userId: string; passwordHash: string; now: Date }) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

export async function deactivateMembership(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const rows = await db
    .update(memberships)
    .set({ active: false })
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId), eq(memberships.active, true)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}
