"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { AudienceRuleError } from "@/db/queries/audience";
import { SafeError } from "@/lib/actions/errors";
import { dryRunAutomation, sendAutomationTest } from "./dry-run";
import { audienceRulesSchema, RULE_ERRORS } from "./rules/schema";


/** The parts of a (possibly unsaved) definition the dry run and the test need. */
const previewDefinitionSchema = z.object({
  type: z.enum(["general", "appointment_reminder", "payment_request", "review_request"]).optional(),
  rules: audienceRulesSchema,
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
      definition: { ...definition, repeatAfterDays: definition.repeatAfterDays ?? null },
      automationId: automationId ?? null,
      limit: limit ?? 20,
    }).catch((error: unknown) => {
      // An attribute the company does not have (a rule made before it was deleted).
      if (error instanceof AudienceRuleError) throw new SafeError(RULE_ERRORS.attributeUnknown);
      throw error;
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
      definition: { ...definition, repeatAfterDays: definition.repeatAfterDays ?? null },
    });
    return outcome.ok ? { sent: true, reason: null, text: outcome.text } : { sent: false, reason: outcome.reason, text: null };
  },
);
