"use server";

import { z } from "zod";
import { defineAction, definePublicAction } from "@/lib/actions/action";
import { SafeError } from "@/lib/actions/errors";
import { parseAssignee } from "@/lib/conversations/assign";
import { defaultMailer } from "@/lib/email/mailer";
import { env } from "@/lib/env";
import { deactivateUser } from "@/lib/users/deactivation";
import { acceptInvitation, cancelInvitation, inviteMember, resendInvitation } from "./invitations";
import { reactivateMember, updateMember } from "./members";
import {
  acceptAsExistingUserSchema,
  acceptAsNewUserSchema,
  deactivateMemberSchema,
  invitationIdSchema,
  inviteSchema,
  memberIdSchema,
  updateMemberSchema,
} from "./validation";

const delivery = () => ({ mailer: defaultMailer(), appUrl: env().APP_URL });
const done = z.null();

export const inviteStaff = defineAction(
  { input: inviteSchema, output: z.object({ id: z.string(), email: z.string() }), permission: "manageUsers" },
  async (input, { db, companyId, userId }) => inviteMember(db, { ...input, companyId, invitedByUserId: userId }, delivery()),
);

export const resendStaffInvitation = defineAction(
  { input: invitationIdSchema, output: done, permission: "manageUsers" },
  async ({ invitationId }, { db, companyId }) => {
    await resendInvitation(db, { companyId, invitationId }, delivery());
    return null;
  },
);

export const cancelStaffInvitation = defineAction(
  { input: invitationIdSchema, output: done, permission: "manageUsers" },
  async ({ invitationId }, { db, companyId }) => {
    await cancelInvitation(db, { companyId, invitationId });
    return null;
  },
);

export const updateStaffMember = defineAction(
  { input: updateMemberSchema, output: done, permission: "manageUsers" },
  async (input, { db, companyId }) => {
    await updateMember(db, { ...input, companyId });
    return null;
  },
);

export const deactivateStaffMember = defineAction(
  { input: deactivateMemberSchema, output: z.object({ handedOver: z.number() }), permission: "manageUsers" },
  async ({ userId, handover }, { db, companyId, userId: actorUserId }) =>
    deactivateUser(db, { companyId, actorUserId, userId, handover: parseAssignee(handover) }),
);

export const reactivateStaffMember = defineAction(
  { input: memberIdSchema, output: done, permission: "manageUsers" },
  async ({ userId }, { db, companyId }) => {
    await reactivateMember(db, { companyId, userId });
    return null;
  },
);

/** Joins the company, then signs in to it; the page navigates to the inbox. */
async function acceptAndSignIn(db: Parameters<typeof acceptInvitation>[0], input: { token: string; password: string; name?: string }) {
  const { email, companyId } = await acceptInvitation(db, input);
  // Loaded on call, as in defineAction: tests importing these actions never load next-auth.
  const { signInToCompany } = await import("@/lib/auth");
  // The membership exists either way: when this fails, signing in by hand works.
  if (!(await signInToCompany({ email, password: input.password, companyId }))) throw new SafeError("staff.accept.signInFailed");
  return { redirectTo: "/conversations" };
}

export const acceptInvitationAsNewUser = definePublicAction(
  { input: acceptAsNewUserSchema, output: z.object({ redirectTo: z.string() }) },
  async ({ token, name, password }, { db }) => acceptAndSignIn(db, { token, name, password }),
);

export const acceptInvitationAsExistingUser = definePublicAction(
  { input: acceptAsExistingUserSchema, output: z.object({ redirectTo: z.string() }) },
  async ({ token, password }, { db }) => acceptAndSignIn(db, { token, password }),
);
