import { z } from "zod";
import { classifyOptOut } from "@/lib/compliance/opt-out";
import { audienceRulesSchema } from "./rules/schema";
import type { AutomationDefinition } from "./types";

/**
 * The wizard's validation (AUTO-2…AUTO-7): one schema per step, and the whole definition
 * as their union. Messages are i18n keys; every issue's path starts with a field of the
 * step it belongs to, so `stepOfIssuePath` sends the user back to the step to fix.
 */

/** The longest reply window an automation may have: how far back reply attribution looks. */
export const MAX_REPLY_WINDOW_DAYS = 60;

export const WIZARD_STEPS = ["name", "message", "replies", "customers", "schedule", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const AUTOMATION_TYPES = ["general", "appointment_reminder", "payment_request", "review_request"] as const;
export const TRIGGER_SCOPES = ["appointment", "event", "customer", "customer_repeat"] as const;
export const REPLY_ACTIONS = ["confirm_appointment", "cancel_appointment", "reschedule_appointment"] as const;

const MESSAGE_MAX = 1600;

/** Case-, accent- and punctuation-insensitive form of a keyword (as the matcher reads it). */
export function normalizeKeyword(keyword: string): string {
  return keyword
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const nameShape = {
  name: z.string().trim().min(1, { message: "automations.wizard.errors.nameRequired" }).max(120, { message: "automations.wizard.errors.nameTooLong" }),
  type: z.enum(AUTOMATION_TYPES),
};

const settingsSchema = z
  .object({
    paymentAmountCents: z.number().int().positive({ message: "automations.wizard.errors.paymentAmountInvalid" }).max(10_000_000).nullable().optional(),
    paymentAmountAttribute: z.string().trim().max(200).nullable().optional(),
    paymentDescription: z.string().trim().max(200).nullable().optional(),
  })
  .default({});

const messageShape = {
  messageBody: z
    .string()
    .trim()
    .min(1, { message: "automations.wizard.errors.messageRequired" })
    .max(MESSAGE_MAX, { message: "automations.wizard.errors.messageTooLong" }),
  marketing: z.boolean().default(false),
  settings: settingsSchema,
};

export const keywordResponseSchema = z.object({
  id: z.string().min(1).max(64),
  keywords: z.array(z.string().trim().max(60, { message: "automations.wizard.errors.keywordTooLong" })).max(30),
  reply: z.string().trim().max(MESSAGE_MAX, { message: "automations.wizard.errors.messageTooLong" }).nullable().optional(),
  assignToUserId: z.uuid().nullable().optional(),
  action: z.enum(REPLY_ACTIONS).nullable().optional(),
});

const repliesShape = {
  keywordResponses: z.array(keywordResponseSchema).max(20).default([]),
  fallbackUserId: z.uuid().nullable().default(null),
  fallbackReply: z.string().trim().max(MESSAGE_MAX, { message: "automations.wizard.errors.messageTooLong" }).nullable().default(null),
  sentimentEnabled: z.boolean().default(false),
  sentimentScale: z.number().int().min(2, { message: "automations.wizard.errors.scaleInvalid" }).max(100, { message: "automations.wizard.errors.scaleInvalid" }).nullable().default(null),
  negativeNotifyUserIds: z.array(z.uuid()).max(50).default([]),
  aiReplies: z.boolean().default(false),
  replyWindowDays: z.number().int().min(1).max(MAX_REPLY_WINDOW_DAYS).default(7),
};

const customersShape = {
  rules: audienceRulesSchema,
};

const scheduleShape = {
  schedule: z.enum(["daily", "realtime"]),
  dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "automations.wizard.errors.timeInvalid" }),
  realtimeEveryMinutes: z.number().int().min(1, { message: "automations.wizard.errors.intervalInvalid" }).max(1440, { message: "automations.wizard.errors.intervalInvalid" }),
  triggerScope: z.enum(TRIGGER_SCOPES),
  repeatAfterDays: z.number().int().min(1, { message: "automations.wizard.errors.repeatInvalid" }).max(3650, { message: "automations.wizard.errors.repeatInvalid" }).nullable().default(null),
};

type Ctx = z.RefinementCtx;
type RepliesValue = { keywordResponses: z.output<typeof keywordResponseSchema>[]; sentimentEnabled: boolean };

/**
 * A keyword in two responses is ambiguous (which reply wins?), a response needs at least
 * one keyword, and STOP / START / HELP words belong to compliance: they never reach a
 * keyword response, so accepting them would promise an answer that never comes.
 */
function refineReplies(value: RepliesValue, ctx: Ctx) {
  const firstSeen = new Map<string, number>();
  value.keywordResponses.forEach((response, index) => {
    const keywords = response.keywords.map(normalizeKeyword).filter(Boolean);
    if (keywords.length === 0) {
      ctx.addIssue({ code: "custom", path: ["keywordResponses", index, "keywords"], message: "automations.wizard.errors.keywordsRequired" });
      return;
    }
    for (const keyword of new Set(keywords)) {
      const kind = classifyOptOut(keyword).kind;
      if (kind === "stop" || kind === "start" || kind === "help") {
        ctx.addIssue({ code: "custom", path: ["keywordResponses", index, "keywords"], message: "automations.wizard.errors.reservedKeyword", params: { keyword } });
      }
      const earlier = firstSeen.get(keyword);
      if (earlier !== undefined && earlier !== index) {
        ctx.addIssue({ code: "custom", path: ["keywordResponses", index, "keywords"], message: "automations.wizard.errors.keywordInTwoResponses", params: { keyword } });
      } else firstSeen.set(keyword, index);
    }
  });
}

function refineSchedule(value: { triggerScope: string; repeatAfterDays: number | null }, ctx: Ctx) {
  if (value.triggerScope === "customer_repeat" && !value.repeatAfterDays) {
    ctx.addIssue({ code: "custom", path: ["repeatAfterDays"], message: "automations.wizard.errors.repeatRequired" });
  }
}

export const nameStepSchema = z.object(nameShape);
export const messageStepSchema = z.object(messageShape);
export const repliesStepSchema = z.object(repliesShape).superRefine(refineReplies);
export const customersStepSchema = z.object(customersShape);
export const scheduleStepSchema = z.object(scheduleShape).superRefine(refineSchedule);

/** The whole definition the wizard saves (and the dry run / test send use, unsaved). */
export const automationDefinitionSchema = z
  .object({ ...nameShape, ...messageShape, ...repliesShape, ...customersShape, ...scheduleShape })
  .superRefine((value, ctx) => {
    refineReplies(value, ctx);
    refineSchedule(value, ctx);
  });

/** A draft may be incomplete (no message yet): only its name is required. */
export const automationDraftSchema = z.object({
  ...nameShape,
  ...messageShape,
  messageBody: z.string().max(MESSAGE_MAX, { message: "automations.wizard.errors.messageTooLong" }),
  ...repliesShape,
  ...customersShape,
  ...scheduleShape,
});

const STEP_OF_FIELD: Record<string, WizardStep> = {};
for (const [step, shape] of [
  ["name", nameShape],
  ["message", messageShape],
  ["replies", repliesShape],
  ["customers", customersShape],
  ["schedule", scheduleShape],
] as const) {
  for (const field of Object.keys(shape)) STEP_OF_FIELD[field] = step;
}

/** The wizard step that owns a field error ("keywordResponses.1.keywords" → "replies"). */
export function stepOfIssuePath(path: string): WizardStep {
  const field = path.replace(/^definition\./, "").split(".")[0] ?? "";
  return STEP_OF_FIELD[field] ?? "review";
}

/** Field errors (path → i18n keys) grouped by the step to send the user back to. */
export function stepsWithErrors(fieldErrors: Record<string, string[]> | undefined): WizardStep[] {
  if (!fieldErrors) return [];
  const steps = new Set(Object.keys(fieldErrors).map(stepOfIssuePath));
  return WIZARD_STEPS.filter((step) => steps.has(step));
}

export const STEP_SCHEMAS = {
  name: nameStepSchema,
  message: messageStepSchema,
  replies: repliesStepSchema,
  customers: customersStepSchema,
  schedule: scheduleStepSchema,
} as const;

/** A new automation of a type, with the defaults its type needs (reminders: once per appointment). */
export function emptyDefinition(type: AutomationDefinition["type"] = "general"): AutomationDefinition {
  return {
    name: "",
    type,
    rules: { all: [] },
    messageBody: "",
    marketing: false,
    keywordResponses: [],
    fallbackUserId: null,
    fallbackReply: null,
    sentimentEnabled: type === "review_request",
    sentimentScale: null,
    negativeNotifyUserIds: [],
    schedule: "daily",
    dailyAt: "09:00",
    realtimeEveryMinutes: 5,
    triggerScope: type === "appointment_reminder" ? "appointment" : type === "general" ? "customer" : "event",
    repeatAfterDays: null,
    settings: {},
    aiReplies: false,
    replyWindowDays: 7,
  };
}

export const automationIdSchema = z.object({ id: z.uuid() });
export const createAutomationSchema = z.object({ definition: automationDefinitionSchema, activate: z.boolean().default(false) });
export const saveDraftSchema = z.object({ id: z.uuid().optional(), definition: automationDraftSchema });
export const updateAutomationSchema = z.object({ id: z.uuid(), definition: automationDefinitionSchema });
export const countAudienceSchema = z.object({ rules: audienceRulesSchema, triggerScope: z.enum(TRIGGER_SCOPES) });
export const dryRunSchema = z.object({ definition: automationDraftSchema, limit: z.number().int().min(1).max(50).default(10), automationId: z.uuid().optional() });
export const sendTestSchema = z.object({
  definition: automationDraftSchema,
  mobile: z.string().trim().min(7, { message: "automations.wizard.errors.mobileInvalid" }).max(30),
});
