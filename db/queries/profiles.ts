import "server-only";
import { and, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailChangeTokens, users } from "@/db/schema";
import { memberOf } from "./users";

type Member = { companyId: string; userId: string };
const member = (db: Db, { companyId, userId }: Member) => and(eq(users.id, userId), inArray(users.id, memberOf(db, companyId)));

export type ProfileValues = { firstName: string; lastName: string | null; name: string; jobTitle: string | null };

/** The profile's own fields (USER-1); only a member of the company changes their row. */
export async function updateUserProfile(db: Db, scope: Member & { values: ProfileValues }) {
  const rows = await db.update(users).set(scope.values).where(member(db, scope)).returning({ id: users.id });
  return rows.length > 0;
}

export async function updateUserSignature(db: Db, scope: Member & { signatureEnabled: boolean; signature: string | null }) {
  const rows = await db
    .update(users)
    .set({ signatureEnabled: scope.signatureEnabled, signature: scope.signature })
    .where(member(db, scope))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Replaces the photo; returns the previous file's storage key (to delete it), or undefined when not a member. */
export async function replaceUserPhoto(db: Db, scope: Member & { photoKey: string | null; photoUrl: string | null }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ photoKey: users.photoKey }).from(users).where(member(tx, scope)).for("update");
    if (!before) return undefined;
    await tx.update(users).set({ photoKey: scope.photoKey, photoUrl: scope.photoUrl }).where(eq(users.id, scope.userId));
    return { previousKey: before.photoKey };
  });
}

/** The stored photo of a colleague: only members of the same company see it. */
export async function findUserPhotoKey(db: Db, scope: Member) {
  const [row] = await db.select({ photoKey: users.photoKey }).from(users).where(member(db, scope));
  return row?.photoKey ?? null;
}

/** Whether another account already signs in with this address. */
export async function isEmailTaken(db: Db, { email, exceptUserId }: { email: string; exceptUserId: string }) {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, email), ne(users.id, exceptUserId))).limit(1);
  return Boolean(row);
}

/** Only the newest request counts: earlier unused links are spent. */
export async function replaceEmailChangeToken(db: Db, { userId, newEmail, tokenHash, expiresAt, now }: { userId: string; newEmail: string; tokenHash: string; expiresAt: Date; now: Date }) {
  await db.transaction(async (tx) => {
    await tx.update(emailChangeTokens).set({ usedAt: now }).where(and(eq(emailChangeTokens.userId, userId), isNull(emailChangeTokens.usedAt)));
    await tx.insert(emailChangeTokens).values({ userId, newEmail, tokenHash, expiresAt, createdAt: now });
  });
}

const usable = (tokenHash: string, now: Date) => and(eq(emailChangeTokens.tokenHash, tokenHash), isNull(emailChangeTokens.usedAt), gt(emailChangeTokens.expiresAt, now));

/** The change a confirmation link asks for, while it is usable (a link proves the mailbox, before any session). */
export async function findUsableEmailChange(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select({ userId: emailChangeTokens.userId, newEmail: emailChangeTokens.newEmail, oldEmail: users.email, name: users.name, language: users.language })
    .from(emailChangeTokens)
    .innerJoin(users, eq(users.id, emailChangeTokens.userId))
    .where(usable(tokenHash, now))
    .limit(1);
  return row;
}

/** The request still waiting for confirmation, shown on the profile. */
export async function findPendingEmailChange(db: Db, { userId, now }: { userId: string; now: Date }) {
  const [row] = await db
    .select({ newEmail: emailChangeTokens.newEmail, expiresAt: emailChangeTokens.expiresAt })
    .from(emailChangeTokens)
    .where(and(eq(emailChangeTokens.userId, userId), isNull(emailChangeTokens.usedAt), gt(emailChangeTokens.expiresAt, now)))
    .orderBy(emailChangeTokens.createdAt)
    .limit(1);
  return row;
}

/** Spends the link and moves the account to the new address; a second use finds nothing. */
export async function consumeEmailChange(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(emailChangeTokens)
      .set({ usedAt: now })
      .where(usable(tokenHash, now))
      .returning({ userId: emailChangeTokens.userId, newEmail: emailChangeTokens.newEmail });
    if (!spent) return undefined;
    await tx.update(users).set({ email: spent.newEmail, updatedAt: now }).where(eq(users.id, spent.userId));
    return spent;
  });
}
