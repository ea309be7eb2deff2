import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import {
  cancelInvitation as cancelInvitationRow,
  consumeInvitation,
  findInvitationByTokenHash,
  findOpenInvitation,
  findStaffMember,
  insertUser,
  renewInvitationToken,
  replaceInvitation,
  upsertMembership,
} from "@/db/queries/staff";
import { findCompanyUser, findUserByEmail } from "@/db/queries/users";
import type { MemberPermissions, Role } from "@/db/schema";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Mailer } from "@/lib/email/mailer";
import { renderActionEmail } from "@/lib/email/templates/render";
import { translatorFor } from "@/lib/i18n/translator";

export const INVITATION_TTL_DAYS = 7;

type Delivery = { mailer: Mailer; appUrl: string; now?: Date };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
const expiry = (now: Date) => new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);

async function sendInvitationEmail(
  db: Db,
  invitation: { companyId: string; email: string; language: "fr" | "en"; invitedByUserId: string | null },
  token: string,
  { mailer, appUrl }: Delivery,
) {
  const [company, inviter] = await Promise.all([
    findCompany(db, { companyId: invitation.companyId }),
    invitation.invitedByUserId ? findCompanyUser(db, { companyId: invitation.companyId, userId: invitation.invitedByUserId }) : undefined,
  ]);
  const t = translatorFor(invitation.language);
  const link = new URL(`/invite/${token}`, appUrl).toString();
  const values = { company: company?.name ?? "Parley", inviter: inviter?.name ?? company?.name ?? "Parley", link, days: INVITATION_TTL_DAYS };
  const email = await renderActionEmail({
    locale: invitation.language,
    subject: t("email.invitation.subject", values),
    heading: t("email.invitation.heading", values),
    paragraphs: [t("email.invitation.body", values)],
    action: { label: t("email.invitation.action"), href: link },
    note: t("email.invitation.expiry", values),
  });
  await mailer.send({ to: invitation.email, ...email });
}

/** Emails a link that makes the address a member with this role; inviting again replaces the earlier link. */
export async function inviteMember(
  db: Db,
  input: { companyId: string; invitedByUserId: string; email: string; role: Role; permissions: MemberPermissions; language: "fr" | "en" },
  delivery: Delivery,
) {
  const now = delivery.now ?? new Date();
  const existing = await findUserByEmail(db, input.email);
  if (existing && (await findStaffMember(db, { companyId: input.companyId, userId: existing.id }))) throw new SafeError("staff.alreadyMember");
  const token = newToken();
  const invitation = await replaceInvitation(db, {
    ...input,
    email: input.email.trim().toLowerCase(),
    permissions: input.role === "admin" ? {} : input.permissions,
    tokenHash: hashToken(token),
    expiresAt: expiry(now),
    now,
  });
  await sendInvitationEmail(db, invitation, token, delivery);
  return invitation;
}

/** A fresh link (and seven more days); the one sent before stops working. */
export async function resendInvitation(db: Db, { companyId, invitationId }: { companyId: string; invitationId: string }, delivery: Delivery) {
  const now = delivery.now ?? new Date();
  if (!(await findOpenInvitation(db, { companyId, invitationId }))) throw new NotFoundError();
  const token = newToken();
  const invitation = await renewInvitationToken(db, { companyId, invitationId, tokenHash: hashToken(token), expiresAt: expiry(now) });
  if (!invitation) throw new NotFoundError();
  await sendInvitationEmail(db, invitation, token, delivery);
  return invitation;
}

export async function cancelInvitation(db: Db, { companyId, invitationId, now = new Date() }: { companyId: string; invitationId: string; now?: Date }) {
  if (!(await cancelInvitationRow(db, { companyId, invitationId, now }))) throw new NotFoundError();
}

export type InvitationState =
  | { state: "usable"; email: string; companyName: string; language: "fr" | "en"; hasAccount: boolean }
  | { state: "expired" | "cancelled" | "accepted" | "unknown" };

/** What the invitation page shows for a link, before anyone is signed in. */
export async function describeInvitation(db: Db, token: string, now = new Date()): Promise<InvitationState> {
  const invitation = await findInvitationByTokenHash(db, hashToken(token));
  if (!invitation) return { state: "unknown" };
  if (invitation.acceptedAt) return { state: "accepted" };
  if (invitation.cancelledAt) return { state: "cancelled" };
  if (invitation.expiresAt <= now) return { state: "expired" };
  const company = await findCompany(db, { companyId: invitation.companyId });
  return {
    state: "usable",
    email: invitation.email,
    companyName: company?.name ?? "",
    language: invitation.language,
    hasAccount: Boolean(await findUserByEmail(db, invitation.email)),
  };
}

const INVALID: Record<Exclude<InvitationState["state"], "usable">, string> = {
  expired: "staff.accept.expired",
  cancelled: "staff.accept.cancelled",
  accepted: "staff.accept.used",
  unknown: "staff.accept.unknown",
};

/**
 * Makes the invited person a member: a new account with the name and password they chose,
 * or, when the address already has one, after that account's password. Returns what
 * signing them in needs.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string; name?: string },
  now = new Date(),
): Promise<{ email: string; companyId: string }> {
  const described = await describeInvitation(db, input.token, now);
  if (described.state !== "usable") throw new SafeError(INVALID[described.state]);
  const existing = await findUserByEmail(db, described.email);
  if (existing && !(await verifyPassword(input.password, existing.passwordHash))) throw new SafeError("auth.invalidCredentials");
  if (!existing && !input.name) throw new SafeError("staff.accept.nameRequired");
  const passwordHash = existing ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const invitation = await consumeInvitation(tx, { tokenHash: hashToken(input.token), now });
    if (!invitation) throw new SafeError("staff.accept.used");
    const userId =
      existing?.id ??
      (await insertUser(tx, { email: invitation.email, name: input.name!, passwordHash: passwordHash!, language: invitation.language }))?.id;
    // Someone created the account in between: they must accept as an existing user.
    if (!userId) throw new SafeError("staff.accept.used");
    await upsertMembership(tx, { companyId: invitation.companyId, userId, role: invitation.role, permissions: invitation.permissions });
    return { email: invitation.email, companyId: invitation.companyId };
  });
}
