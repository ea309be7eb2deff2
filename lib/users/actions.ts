"use server";

import { z } from "zod";
import { findCompany } from "@/db/queries/companies";
import { findCompanyUser, findPasswordHash, listTeams, replacePassword, updateAwaySettings, updateUserLanguage } from "@/db/queries/users";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePasswordSchema } from "@/lib/auth/validation";
import { awayModeScheduled } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { zonedLocalToUtc } from "@/lib/time";
import { deactivateUser as deactivate } from "./deactivation";
import { awayModeInputSchema, languageSchema } from "./validation";

export const setLanguage = defineAction(
  { input: languageSchema, output: languageSchema },
  async ({ language }, { db, companyId, userId }) => {
    if (!(await updateUserLanguage(db, { companyId, userId, language }))) throw new NotFoundError();
    return { language };
  },
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

/** No screen calls it yet (user management comes later); the domain rule is here. */
export const deactivateUser = defineAction(
  { input: z.object({ userId: z.uuid() }), output: z.null(), permission: "manageUsers" },
  async ({ userId }, { db, companyId, userId: actorUserId }) => {
    await deactivate(db, { companyId, actorUserId, userId });
    return null;
  },
);
