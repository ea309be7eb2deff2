import "server-only";
import { and, asc, count, desc, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, invitations, memberships, users, type MemberPermissions, type Role } from "@/db/schema";

export async function markMemberSeen(
  db: Db,
  { companyId, userId, now, staleBefore }: { companyId: string; userId: string; now: Date; staleBefore: Date },
) {
  await db
    .update(memberships)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(memberships.companyId, companyId),
        eq(memberships.userId, userId),
        or(isNull(memberships.lastSeenAt), lt(memberships.lastSeenAt, staleBefore)),
      ),
    );
}

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  photoUrl: users.photoUrl,
  role: memberships.role,
  permissions: memberships.permissions,
  active: memberships.active,
  lastSeenAt: memberships.lastSeenAt,
};

/** Everyone who belongs to the company, deactivated members included (the staff screen). */
export async function listStaff(db: Db, { companyId }: { companyId: string }) {
  return db
    .select(staffColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.companyId, companyId))
    .orderBy(desc(memberships.active), asc(users.name));
}

export type StaffMember = Awaited<ReturnType<typeof listStaff>>[number];

export async function findStaffMember(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const [row] = await db
    .select(staffColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.companyId, companyId), eq(users.id, userId)))
    .limit(1);
  return row;
}

/** Active administrators other than `exceptUserId`: the company must always keep one. */
export async function countOtherActiveAdmins(db: Db, { companyId, exceptUserId }: { companyId: string; exceptUserId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.companyId, companyId),
        eq(memberships.role, "admin"),
        eq(memberships.active, true),
        ne(memberships.userId, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}

export async function updateMembership(
  db: Db,
  { companyId, userId, role, permissions }: { companyId: string; userId: string; role: Role; permissions: MemberPermissions },
) {
  const rows = await db
    .update(memberships)
    .set({ role, permissions })
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function reactivateMembership(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const rows = await db
    .update(memberships)
    .set({ active: true })
    .where(and(eq(memberships.companyId, companyId), eq(memberships.userId, userId), eq(memberships.active, false)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Joining through an invitation; a former member comes back with the invitation's role. */
export async function upsertMembership(
  db: Db,
  values: { companyId: string; userId: string; role: Role; permissions: MemberPermissions },
) {
  await db
    .insert(memberships)
    .values({ ...values, active: true })
    .onConflictDoUpdate({
      target: [memberships.companyId, memberships.userId],
      set: { role: values.role, permissions: values.permissions, active: true },
    });
}

/** The open conversations a member holds, to hand over when they leave. */
export async function listOpenConversationIdsOf(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.companyId, companyId),
        eq(conversations.assigneeUserId, userId),
        eq(conversations.status, "open"),
        eq(conversations.archived, false),
      ),
    );
  return rows.map((row) => row.id);
}

// Invitations

const pending = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.cancelledAt), gt(invitations.expiresAt, now));

export type InvitationValues = {
  companyId: string;
  email: string;
  role: Role;
  permissions: MemberPermissions;
  language: "fr" | "en";
  invitedByUserId: string;
  tokenHash: string;
  expiresAt: Date;
  now: Date;
};

/** One live invitation per address: inviting again replaces the earlier link and its terms. */
export async function replaceInvitation(db: Db, { now, ...values }: InvitationValues) {
  return db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ cancelledAt: now })
      .where(
        and(
          eq(invitations.companyId, values.companyId),
          eq(invitations.email, values.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.cancelledAt),
        ),
      );
    const [row] = await tx.insert(invitations).values({ ...values, createdAt: now }).returning();
    return row!;
  });
}

/** Invitations not yet accepted or cancelled, expired ones included (they can be resent). */
export async function listPendingInvitations(db: Db, { companyId }: { companyId: string }) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      permissions: invitations.permissions,
      language: invitations.language,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(eq(invitations.companyId, companyId), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt)))
    .orderBy(desc(invitations.createdAt));
}

export async function findOpenInvitation(db: Db, { companyId, invitationId }: { companyId: string; invitationId: string }) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.companyId, companyId),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.cancelledAt),
      ),
    )
    .limit(1);
  return row;
}

/** A new link for the same invitation: the previous one stops working. */
export async function renewInvitationToken(
  db: Db,
  { companyId, invitationId, tokenHash, expiresAt }: { companyId: string; invitationId: string; tokenHash: string; expiresAt: Date },
) {
  const [row] = await db
    .update(invitations)
    .set({ tokenHash, expiresAt })
    .where(
      and(
        eq(invitations.companyId, companyId),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.cancelledAt),
      ),
    )
    .returning();
  return row;
}

export async function cancelInvitation(db: Db, { companyId, invitationId, now }: { companyId: string; invitationId: string; now: Date }) {
  const rows = await db
    .update(invitations)
    .set({ cancelledAt: now })
    .where(
      and(
        eq(invitations.companyId, companyId),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.cancelledAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** The link is the credential: looked up by its hash before anyone is signed in. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1);
  return row;
}

/** Accepting is the guard: a second use (or a cancelled/expired link) finds no pending row. */
export async function consumeInvitation(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }) {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.tokenHash, tokenHash), pending(now)))
    .returning();
  return row;
}

/** A new person's account, created by accepting an invitation. */
export async function insertUser(
  db: Db,
  values: { email: string; name: string; passwordHash: string; language: "fr" | "en" },
) {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning({ id: users.id, email: users.email });
  return row;
}
