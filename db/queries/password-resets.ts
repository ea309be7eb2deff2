import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordResetTokens } from "@/db/schema";

/** Reset links belong to a user before any company is known: keyed by user or token hash. */
export async function hasResetTokenSince(db: Db, { userId, since }: { userId: string; since: Date }) {
  const [recent] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, userId), gt(passwordResetTokens.createdAt, since)))
    .limit(1);
  return Boolean(recent);
}

/** Only the newest link works: the user's earlier unused links are spent. */
export async function replaceResetToken(
  db: Db,
  { userId, tokenHash, expiresAt, now }: { userId: string; tokenHash: string; expiresAt: Date; now: Date },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({ userId, tokenHash, expiresAt, createdAt: now });
  });
}

const usable = (tokenHash: string, now: Date) =>
  and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now));

export async function findUsableResetToken(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }) {
  const [row] = await db.select().from(passwordResetTokens).where(usable(tokenHash, now)).limit(1);
  return row;
}

/** Consuming is the guard: a second use finds no unused row. Returns the user it was for. */
export async function consumeResetToken(db: Db, { tokenHash, now }: { tokenHash: string; now: Date }) {
  const [consumed] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(usable(tokenHash, now))
    .returning({ userId: passwordResetTokens.userId });
  return consumed?.userId;
}
