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
