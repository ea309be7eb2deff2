import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { passwordResetTokens, users } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import type { Mailer } from "@/lib/email/mailer";
import { translatorFor } from "@/lib/i18n/translator";
import { hashPassword } from "./password";

export const RESET_TOKEN_TTL_MINUTES = 60;
const RESEND_AFTER_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Emails a single-use reset link. Says nothing about whether the address exists, and
 * sends at most one email a minute per account.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  { mailer, appUrl, now = new Date() }: { mailer: Mailer; appUrl: string; now?: Date },
) {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const [recent] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.userId, user.id),
        gt(passwordResetTokens.createdAt, new Date(now.getTime() - RESEND_AFTER_MS)),
      ),
    )
    .limit(1);
  if (recent) return;
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    // Only the newest link works.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000),
      createdAt: now,
    });
  });
  const t = translatorFor(user.language);
  const link = new URL(`/reset-password/${token}`, appUrl).toString();
  await mailer.send({
    to: user.email,
    subject: t("email.passwordReset.subject"),
    text: t("email.passwordReset.text", { name: user.name, link, minutes: RESET_TOKEN_TTL_MINUTES }),
  });
}

async function findUsableToken(db: Db, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

export async function isResetTokenUsable(db: Db, token: string, now = new Date()) {
  return Boolean(await findUsableToken(db, token, now));
}

export async function resetPassword(
  db: Db,
  { token, password }: { token: string; password: string },
  now = new Date(),
) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    // Consuming the token is the guard: a second use finds no unused row.
    const [consumed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!consumed) throw new SafeError("errors.resetLinkInvalid");
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(eq(users.id, consumed.userId));
  });
}
