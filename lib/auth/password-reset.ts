import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { consumeResetToken, findUsableResetToken, hasResetTokenSince, replaceResetToken } from "@/db/queries/password-resets";
import { findUserByEmail, setPasswordFromReset } from "@/db/queries/users";
import { SafeError } from "@/lib/actions/errors";
import type { Mailer } from "@/lib/email/mailer";
import { renderActionEmail } from "@/lib/email/templates/render";
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
  if (await hasResetTokenSince(db, { userId: user.id, since: new Date(now.getTime() - RESEND_AFTER_MS) })) return;
  const token = randomBytes(32).toString("base64url");
  await replaceResetToken(db, {
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000),
    now,
  });
  const t = translatorFor(user.language);
  const link = new URL(`/reset-password/${token}`, appUrl).toString();
  const resetEmail = await renderActionEmail({
    locale: user.language,
    subject: t("email.passwordReset.subject"),
    heading: t("email.passwordReset.heading"),
    paragraphs: [t("email.passwordReset.body", { name: user.name })],
    action: { label: t("email.passwordReset.action"), href: link },
    note: t("email.passwordReset.note", { minutes: RESET_TOKEN_TTL_MINUTES }),
  });
  await mailer.send({ to: user.email, ...resetEmail });
}

export async function isResetTokenUsable(db: Db, token: string, now = new Date()) {
  return Boolean(await findUsableResetToken(db, { tokenHash: hashToken(token), now }));
}

/** Sets the new password and ends every session opened with the old one. */
export async function resetPassword(
  db: Db,
  { token, password }: { token: string; password: string },
  now = new Date(),
) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const userId = await consumeResetToken(tx, { tokenHash: hashToken(token), now });
    if (!userId) throw new SafeError("errors.resetLinkInvalid");
    await setPasswordFromReset(tx, { userId, passwordHash, now });
  });
}
