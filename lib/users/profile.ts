import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { findUsersByExternalIds, setMembershipExternalId } from "@/db/queries/api";
import {
  consumeEmailChange,
  findUsableEmailChange,
  findUserPhotoKey,
  isEmailTaken,
  replaceEmailChangeToken,
  replaceUserPhoto,
  updateUserProfile,
} from "@/db/queries/profiles";
import { findPasswordHash } from "@/db/queries/users";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { verifyPassword } from "@/lib/auth/password";
import type { Mailer } from "@/lib/email/mailer";
import { renderActionEmail } from "@/lib/email/templates/render";
import type { FileStorage } from "@/lib/files/storage";
import { translatorFor } from "@/lib/i18n/translator";
import { fullName } from "./names";
import type { ProfileInput } from "./validation";

type Member = { companyId: string; userId: string };

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Shown at most at 64 px; twice that and more for sharp screens. */
export const PHOTO_SIZE_PX = 256;
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"];
export const EMAIL_CHANGE_TTL_HOURS = 24;

/** Name, job title and the id in the dealer system; the display name is the two parts joined. */
export async function saveProfile(db: Db, scope: Member, input: ProfileInput) {
  await db.transaction(async (tx) => {
    const saved = await updateUserProfile(tx, { ...scope, values: { firstName: input.firstName, lastName: input.lastName, name: fullName(input.firstName, input.lastName), jobTitle: input.jobTitle } });
    if (!saved) throw new NotFoundError();
    await assignUserExternalId(tx, { ...scope, externalId: input.externalId });
  });
}

/**
 * Sets the id a user has in the integrated system (USER-1), by which appointments and
 * repair orders name their advisor; null removes it. Two users cannot share one.
 */
export async function assignUserExternalId(db: Db, { companyId, userId, externalId }: Member & { externalId: string | null }) {
  if (externalId && (await findUsersByExternalIds(db, { companyId, externalIds: [externalId] })).some((row) => row.userId !== userId)) {
    throw new SafeError("api.users.externalIdTaken", { externalId });
  }
  if (!(await setMembershipExternalId(db, { companyId, userId, externalId }))) throw new NotFoundError();
}

/** Square-crops (centred on what draws the eye), resizes and re-encodes a photo: what is stored is ours, never the upload. */
export async function squarePhoto(body: Buffer) {
  if (body.length === 0) throw new SafeError("files.empty");
  if (body.length > PHOTO_MAX_BYTES) throw new SafeError("profile.photoTooLarge", { max: PHOTO_MAX_BYTES / 1024 / 1024 });
  const type = await fileTypeFromBuffer(body);
  if (!type || !PHOTO_TYPES.includes(type.mime)) throw new SafeError("profile.photoType");
  try {
    return await sharp(body, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(PHOTO_SIZE_PX, PHOTO_SIZE_PX, { fit: "cover", position: sharp.strategy.attention })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw new SafeError("profile.photoUnreadable");
  }
}

/** Stores the user's new photo (or removes it with `body` null) and deletes the old file. */
export async function setProfilePhoto(db: Db, scope: Member, body: Buffer | null, { storage }: { storage: FileStorage }) {
  let photoKey: string | null = null;
  let photoUrl: string | null = null;
  if (body) {
    const photo = await squarePhoto(body);
    photoKey = `users/${scope.userId}/${randomUUID()}.webp`;
    await storage.put(photoKey, photo, "image/webp");
    photoUrl = `/api/users/${scope.userId}/photo?v=${photoKey.slice(-13, -5)}`;
  }
  const replaced = await replaceUserPhoto(db, { ...scope, photoKey, photoUrl });
  if (!replaced) {
    if (photoKey) await storage.delete(photoKey);
    throw new NotFoundError();
  }
  if (replaced.previousKey) await storage.delete(replaced.previousKey).catch(() => {});
  return { photoUrl };
}

/** A colleague's photo bytes (same company only), or null. */
export async function readProfilePhoto(db: Db, scope: Member, { storage }: { storage: FileStorage }) {
  const key = await findUserPhotoKey(db, scope);
  return key ? storage.get(key) : null;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The sign-in email changes only once the new mailbox confirms it: a link valid 24 hours
 * goes to the new address; the password proves it is the user asking.
 */
export async function requestEmailChange(
  db: Db,
  { companyId, userId, newEmail, currentPassword }: Member & { newEmail: string; currentPassword: string },
  { mailer, appUrl, now = new Date() }: { mailer: Mailer; appUrl: string; now?: Date },
) {
  const hash = await findPasswordHash(db, { companyId, userId });
  if (!hash) throw new NotFoundError();
  if (!(await verifyPassword(currentPassword, hash))) throw new SafeError("password.currentWrong");
  if (await isEmailTaken(db, { email: newEmail, exceptUserId: userId })) throw new SafeError("profile.emailTaken");
  const token = randomBytes(32).toString("base64url");
  await replaceEmailChangeToken(db, { userId, newEmail, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * 3_600_000), now });
  const change = await findUsableEmailChange(db, { tokenHash: hashToken(token), now });
  const t = translatorFor(change!.language);
  const link = new URL(`/confirm-email/${token}`, appUrl).toString();
  const email = await renderActionEmail({
    locale: change!.language,
    subject: t("email.emailChange.subject"),
    heading: t("email.emailChange.heading"),
    paragraphs: [t("email.emailChange.body", { name: change!.name })],
    action: { label: t("email.emailChange.action"), href: link },
    note: t("email.emailChange.note", { hours: EMAIL_CHANGE_TTL_HOURS }),
  });
  await mailer.send({ to: newEmail, ...email });
}

export async function findEmailChange(db: Db, token: string, now = new Date()) {
  return findUsableEmailChange(db, { tokenHash: hashToken(token), now });
}

/** Spends the link, moves the account to the new address and tells the old one. */
export async function confirmEmailChange(db: Db, token: string, { mailer, now = new Date() }: { mailer: Mailer; now?: Date }) {
  const change = await findUsableEmailChange(db, { tokenHash: hashToken(token), now });
  if (!change) throw new SafeError("profile.emailLinkInvalid");
  if (await isEmailTaken(db, { email: change.newEmail, exceptUserId: change.userId })) throw new SafeError("profile.emailTaken");
  if (!(await consumeEmailChange(db, { tokenHash: hashToken(token), now }))) throw new SafeError("profile.emailLinkInvalid");
  const t = translatorFor(change.language);
  const email = await renderActionEmail({
    locale: change.language,
    subject: t("email.emailChanged.subject"),
    heading: t("email.emailChanged.heading"),
    paragraphs: [t("email.emailChanged.body", { name: change.name, email: change.newEmail })],
    note: t("email.emailChanged.note"),
  });
  await mailer.send({ to: change.oldEmail, ...email });
  return { email: change.newEmail };
}
