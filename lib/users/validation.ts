import { z } from "zod";
import { localDateTimeSchema } from "@/lib/time";

export const languageSchema = z.object({ language: z.enum(["fr", "en"]) });

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

/** The away form posts `enabled` as a checkbox value. */
export const awayModeInputSchema = z.preprocess(
  (raw) => (raw && typeof raw === "object" ? { ...raw, enabled: toBoolean.parse((raw as { enabled?: unknown }).enabled) } : raw),
  awayModeSchema,
);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { message: tooLong })
    .transform((value) => value || null);

export const profileSchema = z.object({
  firstName: z.string().trim().min(1, { message: "profile.firstNameRequired" }).max(60, { message: "profile.nameTooLong" }),
  lastName: optionalText(60, "profile.nameTooLong"),
  jobTitle: optionalText(80, "profile.jobTitleTooLong"),
  externalId: optionalText(100, "api.users.externalIdTooLong"),
});
export type ProfileInput = z.output<typeof profileSchema>;

/** One line under a text: longer would cost every manual send a segment. */
export const SIGNATURE_MAX_LENGTH = 60;

export const signatureSchema = z.object({
  enabled: toBoolean,
  signature: z
    .string()
    .trim()
    .max(SIGNATURE_MAX_LENGTH, { message: "profile.signatureTooLong" })
    .refine((value) => !/[\r\n]/.test(value), { message: "profile.signatureOneLine" })
    .transform((value) => value || null),
});

export const emailChangeSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "auth.emailInvalid" }).max(200),
  currentPassword: z.string().min(1, { message: "auth.passwordRequired" }).max(200),
});

export const emailTokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: "profile.emailLinkInvalid" }) });
