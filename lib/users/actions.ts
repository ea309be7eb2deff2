"use server";

import { z } from "zod";
import { findCompany } from "@/db/queries/companies";
import { findCompanyUser, findPasswordHash, listTeams, replacePassword, updateAwaySettings, updateUserLanguage } from "@/db/queries/users";
import { defineAction, definePublicAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePasswordSchema } from "@/lib/auth/validation";
import { awayModeScheduled } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { zonedLocalToUtc } from "@/lib/time";
import { defaultMailer } from "@/lib/email/mailer";
import { env } from "@/lib/env";
import { updateUserSignature } from "@/db/queries/profiles";
import { confirmEmailChange as confirmChange, requestEmailChange as requestChange, saveProfile as save } from "./profile";
import { awayModeInputSchema, emailChangeSchema, emailTokenSchema, languageSchema, profileSchema, signatureSchema } from "./validation";

export const setLanguage = defineAction(
  { input: languageSchema, output: languageSchema },
  async ({ language }, { db, companyId, userId }) => {
    if (!(await updateUserLanguage(db, { companyId, userId, language }))) throw new NotFoundError();
    return { language };
  },
);

export const saveProfile = defineAction({ input: profileSchema, output: z.null() }, async (input, { db, companyId, userId }) => {
  await save(db, { companyId, userId }, input);
  return null;
});

/** USER-3: the line manual sends end with; empty text = the profile name. */
export const saveSignature = defineAction({ input: signatureSchema, output: z.null() }, async ({ enabled, signature }, { db, companyId, userId }) => {
  if (!(await updateUserSignature(db, { companyId, userId, signatureEnabled: enabled, signature }))) throw new NotFoundError();
  return null;
});

/** Emails a confirmation link to the new address; the account keeps the old one until it is followed. */
export const requestEmailChange = defineAction({ input: emailChangeSchema, output: z.object({ email: z.string() }) }, async ({ email, currentPassword }, { db, companyId, userId }) => {
  await requestChange(db, { companyId, userId, newEmail: email, currentPassword }, { mailer: defaultMailer(), appUrl: env().APP_URL });
  return { email };
});

/** Followed from the new mailbox, signed in or not: the link is the proof. */
export const confirmEmailChange = definePublicAction({ input: emailTokenSchema, output: z.object({ email: z.string() }) }, async ({ token }, { db }) =>
  confirmChange(db, token, { mailer: defaultMailer() }),
);

/** Ends every session opened with the old password, this one included. */
export const changePassword = defineAction(
  { input: changePasswordSchema, output: z.null() },
  async ({ currentPassword, password }, { db, companyId, userId }) => {
    const currentHash = await findPasswordHash(db, { companyId, userId });
    if (!currentHash || !(await verifyPassword(currentPassword, currentHash))) {
      throw new SafeError("password.currentWrong");
    }
    await replacePassword(db, { companyId, userId, currentHash, passwordHash: await hashPassword(password), now: new Date() });
    return null;
  },
);

export const setAwayMode = defineAction(
  { input: awayModeInputSchema, output: z.object({ awayUntil: z.string().nullable() }) },
  async (input, { db, companyId, userId }) => {
    if (!input.enabled) {
      await updateAwaySettings(db, {
        companyId,
        userId,
        settings: { awayEnabled: false, awayUntil: null, awayDelegateUserId: null, awayDelegateTeamId: null },
      });
      return { awayUntil: null };
    }
    const company = await findCompany(db, { companyId });
    const awayUntil = input.until ? zonedLocalToUtc(input.until, company!.timezone) : null;
    if (awayUntil && awayUntil <= new Date()) throw new SafeError("away.untilInPast");
    const [kind, id] = input.delegate ? (input.delegate.split(":") as ["user" | "team", string]) : [null, null];
    // A delegate must belong to the same company.
    if (kind === "user" && (id === userId || !(await findCompanyUser(db, { companyId, userId: id! })))) {
      throw new SafeError("away.delegateInvalid");
    }
    if (kind === "team" && !(await listTeams(db, { companyId })).some((team) => team.id === id)) {
      throw new SafeError("away.delegateInvalid");
    }
    await updateAwaySettings(db, {
      companyId,
      userId,
      settings: {
        awayEnabled: true,
        awayUntil,
        awayDelegateUserId: kind === "user" ? id : null,
        awayDelegateTeamId: kind === "team" ? id : null,
      },
    });
    if (awayUntil) await nudge(awayModeScheduled.create({ userId, awayUntil: awayUntil.toISOString() }));
    return { awayUntil: awayUntil?.toISOString() ?? null };
  },
);
