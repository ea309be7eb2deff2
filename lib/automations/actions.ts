"use server";

import { z } from "zod";
import { countAudienceCustomers } from "@/db/queries/audience";
import { withAudienceGroups } from "@/db/queries/groups";
import {
  findAutomation,
  insertAutomation,
  setAutomationStatus,
  updateAutomationDefinition,
} from "@/db/queries/automations";
import { findCompany } from "@/db/queries/companies";
import { listCompanyUsers } from "@/db/queries/users";
import type { AutomationStatus } from "@/db/schema";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { assertValidTemplate } from "@/lib/templates/validate";
import type { AutomationDefinition } from "./types";
import {
  automationDefinitionSchema,
  automationIdSchema,
  countAudienceSchema,
  createAutomationSchema,
  dryRunSchema,
  saveDraftSchema,
  sendTestSchema,
  updateAutomationSchema,
} from "./validation";
import { audienceSubjectFor } from "./rules";
import { catalogueIssues } from "./rules/schema";
import { loadAudienceCatalogue } from "./rules/load";
import { dryRunAutomation, sendAutomationTest } from "./dry-run";

const PERMISSION = "manageAutomations" as const;
const saved = z.object({ id: z.string(), status: z.enum(["draft", "active", "paused", "archived"]) });

/**
 * The people a definition names (replies user, per-response user, negative-reply
 * recipients) must be active members of this company: an id from elsewhere is refused.
 */
async function assertCompanyUsers({ db, companyId }: ActionContext, definition: AutomationDefinition) {
  const named = [
    definition.fallbackUserId,
    ...definition.keywordResponses.map((response) => response.assignToUserId),
    ...definition.negativeNotifyUserIds,
  ].filter((id): id is string => Boolean(id));
  if (named.length === 0) return;
  const members = new Set((await listCompanyUsers(db, { companyId })).map((user) => user.id));
  if (named.some((id) => !members.has(id))) throw new SafeError("automations.wizard.errors.unknownUser");
}

/** The message, every auto-reply and the fallback reply: valid templates of this company. */
async function assertTemplates({ db, companyId }: ActionContext, definition: AutomationDefinition) {
  const sources = [definition.messageBody, definition.fallbackReply, ...definition.keywordResponses.map((response) => response.reply)];
  for (const source of sources) if (source) await assertValidTemplate(db, companyId, source);
}

/** Every rule names an attribute this company has, with an operator its type offers. */
async function assertRulesFitCatalogue({ db, companyId }: ActionContext, definition: AutomationDefinition) {
  const issues = catalogueIssues(definition.rules, await loadAudienceCatalogue(db, { companyId }));
  if (issues[0]) throw new SafeError(issues[0].message);
}

async function assertDefinition(context: ActionContext, definition: AutomationDefinition) {
  await assertCompanyUsers(context, definition);
  await assertRulesFitCatalogue(context, definition);
  await assertTemplates(context, definition);
}

/** Keyword lists without blanks; the repeat delay only when the trigger repeats. */
function tidy(definition: AutomationDefinition): AutomationDefinition {
  return {
    ...definition,
    keywordResponses: definition.keywordResponses.map((response) => ({
      ...response,
      keywords: [...new Set(response.keywords.map((keyword) => keyword.trim()).filter(Boolean))],
      reply: response.reply?.trim() ? response.reply : null,
    })),
    fallbackReply: definition.fallbackReply?.trim() ? definition.fallbackReply : null,
    repeatAfterDays: definition.triggerScope === "customer_repeat" ? definition.repeatAfterDays : null,
    sentimentScale: definition.sentimentEnabled ? definition.sentimentScale : null,
    negativeNotifyUserIds: definition.sentimentEnabled ? definition.negativeNotifyUserIds : [],
  };
}

/** Create from the wizard's last step: saved as a draft, or active at once ("Create and activate"). */
export const createAutomation = defineAction(
  { input: createAutomationSchema, output: saved, permission: PERMISSION },
  async ({ definition, activate }, context) => {
    const clean = tidy(definition);
    await assertDefinition(context, clean);
    const row = await insertAutomation(context.db, {
      companyId: context.companyId,
      definition: clean,
      status: activate ? "active" : "draft",
      createdByUserId: context.userId,
    });
    return { id: row.id, status: row.status };
  },
);

/**
 * Keep the wizard's unfinished work as a draft automation (AUTO-2 "the draft kept"): only
 * the name is required. An existing id must be a draft of this company.
 */
export const saveAutomationDraft = defineAction(
  { input: saveDraftSchema, output: saved, permission: PERMISSION },
  async ({ id, definition }, context) => {
    const clean = tidy(definition);
    await assertCompanyUsers(context, clean);
    if (!id) {
      const row = await insertAutomation(context.db, { companyId: context.companyId, definition: clean, status: "draft", createdByUserId: context.userId });
      return { id: row.id, status: row.status };
    }
    const existing = await findAutomation(context.db, { companyId: context.companyId, automationId: id });
    if (!existing) throw new NotFoundError();
    if (existing.status !== "draft") throw new SafeError("automations.wizard.errors.notADraft");
    const row = await updateAutomationDefinition(context.db, { companyId: context.companyId, automationId: id, definition: clean });
    if (!row) throw new NotFoundError();
    return { id: row.id, status: row.status };
  },
);

/** Edit an automation: applies to future sends; results already written stay as they are. */
export const updateAutomation = defineAction(
  { input: updateAutomationSchema, output: saved, permission: PERMISSION },
  async ({ id, definition }, context) => {
    const clean = tidy(definition);
    await assertDefinition(context, clean);
    const row = await updateAutomationDefinition(context.db, { companyId: context.companyId, automationId: id, definition: clean });
    if (!row) throw new NotFoundError();
    return { id: row.id, status: row.status };
  },
);

async function move(context: ActionContext, id: string, from: AutomationStatus[], to: AutomationStatus) {
  const existing = await findAutomation(context.db, { companyId: context.companyId, automationId: id });
  if (!existing) throw new NotFoundError();
  if (existing.status === to) return { id, status: to };
  if (to === "active") {
    // A draft may be unfinished: only a complete definition goes live.
    const complete = automationDefinitionSchema.safeParse(existing);
    if (!complete.success) throw new SafeError("automations.wizard.errors.incomplete");
    await assertDefinition(context, complete.data);
  }
  const row = await setAutomationStatus(context.db, { companyId: context.companyId, automationId: id, from, to });
  if (!row) throw new SafeError("automations.wizard.errors.statusChanged");
  return { id: row.id, status: row.status };
}

/** Switch on a draft (after the user confirmed): the next due run texts who matches. */
export const activateAutomation = defineAction({ input: automationIdSchema, output: saved, permission: PERMISSION }, async ({ id }, context) =>
  move(context, id, ["draft", "paused"], "active"),
);

export const pauseAutomation = defineAction({ input: automationIdSchema, output: saved, permission: PERMISSION }, async ({ id }, context) =>
  move(context, id, ["active"], "paused"),
);

export const resumeAutomation = defineAction({ input: automationIdSchema, output: saved, permission: PERMISSION }, async ({ id }, context) =>
  move(context, id, ["paused"], "active"),
);

/** Archived: stops for good and leaves the list; its results stay readable. */
export const archiveAutomation = defineAction({ input: automationIdSchema, output: saved, permission: PERMISSION }, async ({ id }, context) =>
  move(context, id, ["draft", "active", "paused"], "archived"),
);

/** A copy as a new draft, named by the caller ("Rappel (copie)" in the user's language). */
export const duplicateAutomation = defineAction(
  { input: automationIdSchema.extend({ name: z.string().trim().min(1).max(120) }), output: saved, permission: PERMISSION },
  async ({ id, name }, context) => {
    const existing = await findAutomation(context.db, { companyId: context.companyId, automationId: id });
    if (!existing) throw new NotFoundError();
    const row = await insertAutomation(context.db, {
      companyId: context.companyId,
      definition: { ...existing, name },
      status: "draft",
      createdByUserId: context.userId,
      templateKey: existing.templateKey,
    });
    return { id: row.id, status: row.status };
  },
);

async function companyTimeZone({ db, companyId }: ActionContext) {
  const company = await findCompany(db, { companyId });
  if (!company) throw new NotFoundError();
  return company.timezone;
}

/** The wizard's live count: how many match the rules right now (one SQL count). */
export const countAutomationAudience = defineAction(
  { input: countAudienceSchema, output: z.object({ count: z.number() }), permission: PERMISSION },
  async ({ rules, triggerScope }, context) => {
    const timeZone = await companyTimeZone(context);
    const query = await withAudienceGroups(context.db, { companyId: context.companyId, rules, subject: audienceSubjectFor(triggerScope), now: new Date(), timeZone });
    const count = await countAudienceCustomers(context.db, query);
    return { count };
  },
);

const dryRunRow = z.object({
  customerId: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  text: z.string().nullable(),
  skipReason: z.string().nullable(),
});

/**
 * The dry run: the first customers who would be texted, the exact text, or why they would
 * be skipped. Editing a saved automation passes its id, so "already texted" shows.
 */
export const dryRunAutomationDraft = defineAction(
  { input: dryRunSchema, output: z.object({ count: z.number(), rows: z.array(dryRunRow) }), permission: PERMISSION },
  async ({ definition, limit, automationId }, context) => {
    if (automationId && !(await findAutomation(context.db, { companyId: context.companyId, automationId }))) throw new NotFoundError();
    return dryRunAutomation(context.db, { companyId: context.companyId, definition: tidy(definition), now: new Date(), limit, automationId: automationId ?? null });
  },
);

/** "Send a test" to any mobile: through the sending gate, marked as a test, never a result. */
export const sendAutomationTestMessage = defineAction(
  { input: sendTestSchema, output: z.object({ sent: z.boolean(), reason: z.string().nullable(), text: z.string().nullable() }), permission: PERMISSION },
  async ({ definition, mobile }, context) => {
    const clean = tidy(definition);
    if (!clean.messageBody.trim()) throw new SafeError("automations.wizard.errors.messageRequired");
    await assertTemplates(context, clean);
    const outcome = await sendAutomationTest(context.db, { companyId: context.companyId, userId: context.userId, definition: clean, mobile });
    return outcome.ok ? { sent: true, reason: null, text: outcome.text } : { sent: false, reason: outcome.reason, text: null };
  },
);
