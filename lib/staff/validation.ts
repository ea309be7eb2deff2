import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { GRANTABLE_PERMISSIONS, grantedPermissions } from "@/lib/auth/permissions";

const roleSchema = z.enum(["admin", "agent"]);

/** Checkboxes post one value per ticked box (or none); only grantable names survive. */
const permissionsSchema = z
  .union([z.array(z.enum(GRANTABLE_PERMISSIONS)), z.enum(GRANTABLE_PERMISSIONS)])
  .optional()
  .transform((value) => grantedPermissions(value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "auth.emailInvalid" }).max(200),
  role: roleSchema,
  language: z.enum(["fr", "en"]),
  permissions: permissionsSchema,
});

export const invitationIdSchema = z.object({ invitationId: z.uuid() });

export const updateMemberSchema = z.object({
  userId: z.uuid(),
  role: roleSchema,
  permissions: permissionsSchema,
});

export const deactivateMemberSchema = z.object({
  userId: z.uuid(),
  /** "user:<id>" or "team:<id>": who receives the member's open conversations. */
  handover: z.string().regex(/^(user|team):[0-9a-f-]{36}$/, { message: "staff.handoverRequired" }),
});

export const memberIdSchema = z.object({ userId: z.uuid() });

const tokenSchema = z.string().min(10).max(200);

/** A new person names themselves and chooses a password. */
export const acceptAsNewUserSchema = z
  .object({
    token: tokenSchema,
    name: z.string().trim().min(1, { message: "staff.accept.nameRequired" }).max(120),
    password: passwordSchema,
    confirmation: z.string(),
  })
  .refine((value) => value.password === value.confirmation, { message: "password.mismatch", path: ["confirmation"] });

/** Someone who already has a Parley account proves it with their password. */
export const acceptAsExistingUserSchema = z.object({
  token: tokenSchema,
  password: z.string().min(1, { message: "auth.passwordRequired" }).max(200),
});
