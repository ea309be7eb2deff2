"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { dryRunAutomation, sendAutomationTest } from "./dry-run";

// TODO(issue 11 merge): replace with rules11's audienceRulesSchema (lib/automations/rules/schema.ts).
const conditionSchema = z.object({
  category: z.enum(["appointment", "customer", "message_received", "event"]),
  attribute: z.string().min(1).max(200),
  operator: z.string().min(1).max(50),
  value: z.unknown().optional(),
});
const rulesSchema = z.object({ all: z.array(z.object({ any: z.array(conditionSchema).max(50) })).max(50) });

/** The parts of a (possibly unsaved) definition the dry run and the test need. */
const previewDefinitionSchema = z.object({
  rules: rulesSchema,
  messageBody: z.string().max(2000),
  marketing: z.boolean(),
  triggerScope: z.enum(["appointment", "event", "customer", "customer_repeat"]),
  repeatAfterDays: z.number().int().min(1).max(3650).nullable().optional(),
});

const dryRunRowSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  text: z.string().nullable(),
  skipReason: z.string().nullable(),
  appointmentId: z.string().nullable(),
  eventId: z.string().nullable(),
  subjectAt: z.date().nullable(),
});

/** The wizard's customers step: how many match, and the first ones with their exact text or skip reason. */
export const dryRun = defineAction(
  {
    input: z.object({ definition: previewDefinitionSchema, automationId: z.uuid().nullable().optional(), limit: z.number().int().min(1).max(100).optional() }),
    output: z.object({ count: z.number(), rows: z.array(dryRunRowSchema) }),
    permission: "manageAutomations",
  },
  async ({ definition, automationId, limit }, { db, companyId }) =>
    dryRunAutomation(db, {
      companyId,
      definition: { ...definition, rules: definition.rules as never, repeatAfterDays: definition.repeatAfterDays ?? null },
      automationId: automationId ?? null,
      limit: limit ?? 20,
    }),
);

/** "Send a test" to any mobile: through the sending gate, marked as a test, never a result. */
export const sendTest = defineAction(
  {
    input: z.object({ definition: previewDefinitionSchema, mobile: z.string().min(3).max(40) }),
    output: z.object({ sent: z.boolean(), reason: z.string().nullable(), text: z.string().nullable() }),
    permission: "manageAutomations",
  },
  async ({ definition, mobile }, { db, companyId, userId }) => {
    const outcome = await sendAutomationTest(db, {
      companyId,
      userId,
      mobile,
      definition: { ...definition, rules: definition.rules as never, repeatAfterDays: definition.repeatAfterDays ?? null },
    });
    return outcome.ok ? { sent: true, reason: null, text: outcome.text } : { sent: false, reason: outcome.reason, text: null };
  },
);
