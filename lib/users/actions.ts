import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { findCompany } from "@/db/queries/companies";
import { findCompanyUser, listTeams, updateAwaySettings } from "@/db/queries/users";
import { users } from "@/db/schema";
import { awayModeScheduled } from "@/lib/background/events";
import { nudge } from "@/lib/background/dispatch";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePasswordSchema } from "@/lib/auth/validation";
import { localDateTimeSchema, zonedLocalToUtc } from "@/lib/time";

export const setLanguage = defineAction(
  { input: z.object({ language: z.enum(["fr", "en"]) }) },
  async ({ language }, { db, companyId, userId }) => {
    if (!(await findCompanyUser(db, { companyId, userId }))) throw new NotFoundError();
    await db.update(users).set({ language }).where(eq(users.id, userId));
    return { language };
  },
);

export const changePassword = defineAction(
  { input: changePasswordSchema },
  async ({ currentPassword, password }, { db, userId }) => {
    const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    if (!user || !(await verifyPassword(currentPassword, user.hash))) {
      throw new SafeError("password.currentWrong");
    }
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password), passwordChangedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.passwordHash, user.hash)));
    return null;
  },
);

export const awayModeSchema = z.discriminatedUnion("enabled", [
  z.object({ enabled: z.literal(false) }),
  z.object({
    enabled: z.literal(true),
    until: localDateTimeSchema.optional().or(z.literal("").transform(() => undefined)),
    /** "user:<id>", "team:<id>" or "" for nobody. */
    delegate: z
      .string()
      .regex(/^((user|team):[0-9a-f-]{36})?$/, { message: "errors.invalidInput" })
      .default(""),
  }),
]);

const toBoolean = z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean());

export const setAwayMode = defineAction(
  { input: z.preprocess((raw) => (raw && typeof raw === "object" ? { ...raw, enabled: toBoolean.parse((raw as { enabled?: unknown }).enabled) } : raw), awayModeSchema) },
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
