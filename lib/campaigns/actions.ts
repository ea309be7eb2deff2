"use server";

import { z } from "zod";
import { findCampaign, findCampaignRecipient, insertCampaign, listCampaigns, setCampaignStatus, updateCampaignDraft, cancelPendingRecipients } from "@/db/queries/campaigns";
import { insertNote } from "@/db/queries/notes";
import { listCompanyUsers, listTeamMemberIds, listTeams } from "@/db/queries/users";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { catalogueIssues } from "@/lib/automations/rules/schema";
import { loadAudienceCatalogue } from "@/lib/automations/rules/load";
import { publish } from "@/lib/live/bus";
import { announceNotifications, notifiedUserIds, recordNotifications } from "@/lib/notifications/notify";
import { assertValidTemplate } from "@/lib/templates/validate";
import { campaignAudience, dryRunCampaign as dryRun } from "./dry-run";
import { assertCampaignFiles } from "./files";
import { requestCampaignRun } from "./run-now";
import { countAudienceCustomers } from "@/db/queries/audience";
import { findCompany } from "@/db/queries/companies";
import { CAMPAIGN_PAGE, RECIPIENT_PAGE } from "./pages";
import { campaignPageSchema, toCampaignListRow } from "./list-view";
import { campaignRecipientsPage } from "./recipients";
import { recipientPageSchema } from "./recipients-view";
import {
  campaignIdSchema,
  campaignListPageSchema,
  campaignRecipientsPageSchema,
  countCampaignAudienceSchema,
  campaignRecipientNoteSchema,
  confirmCampaignSchema,
  saveCampaignSchema,
  type SaveCampaignInput,
} from "./validation";

const PERMISSION = "manageCampaigns" as const;
const status = z.object({ status: z.enum(["draft", "scheduled", "sending", "paused", "completed", "cancelled"]) });
const skipReasons = z.enum([
  "opted_out",
  "unsubscribed_general",
  "unsubscribed_marketing",
  "no_mobile",
  "quiet_hours",
  "empty_message",
  "template_error",
  "customer_not_found",
  "already_texted",
  "payment_unavailable",
  "duplicate_number",
]);
const dryRunOutput = z.object({
  matching: z.number(),
  willReceive: z.number(),
  skipped: z.array(z.object({ reason: skipReasons, count: z.number() })),
  segmentsPerText: z.number(),
  billableSms: z.number(),
  sample: z.array(z.object({ customerId: z.string(), name: z.string(), text: z.string() })),
});

async function assertCampaign({ db, companyId }: ActionContext, input: SaveCampaignInput) {
  if (input.repliesUserId && !(await listCompanyUsers(db, { companyId })).some((user) => user.id === input.repliesUserId)) {
    throw new SafeError("campaigns.errors.unknownUser");
  }
  const issues = catalogueIssues(input.audience, await loadAudienceCatalogue(db, { companyId }));
  if (issues[0]) throw new SafeError(issues[0].message);
  if (input.messageBody.trim()) await assertValidTemplate(db, companyId, input.messageBody);
}

async function campaignOf({ db, companyId }: ActionContext, id: string) {
  const campaign = await findCampaign(db, { companyId, campaignId: id });
  if (!campaign) throw new NotFoundError();
  return campaign;
}

/** Create or edit a draft; editing a scheduled campaign puts it back to draft (its count must be confirmed again). */
export const saveCampaign = defineAction({ input: saveCampaignSchema, output: z.object({ id: z.string() }), permission: PERMISSION }, async (input, context) => {
  await assertCampaign(context, input);
  const existing = input.id ? await campaignOf(context, input.id) : null;
  const attachmentIds = await assertCampaignFiles(context.db, { companyId: context.companyId, attachmentIds: input.attachmentIds, current: existing?.attachmentIds });
  const values = {
    name: input.name,
    messageBody: input.messageBody,
    marketing: input.marketing,
    audience: input.audience,
    request: input.request,
    sendAt: input.sendAt ? new Date(input.sendAt) : null,
    repliesUserId: input.repliesUserId,
    attachmentIds,
  };
  if (!input.id) {
    const row = await insertCampaign(context.db, { companyId: context.companyId, createdByUserId: context.userId, ...values });
    return { id: row.id };
  }
  const row = await updateCampaignDraft(context.db, { companyId: context.companyId, campaignId: input.id, values });
  if (!row) throw new SafeError("campaigns.errors.notEditable");
  publish(context.companyId, { type: "campaign.updated", campaignId: row.id });
  return { id: row.id };
});

/** The form's live count: how many customers the audience (groups and/or rules) matches right now. */
export const countCampaignAudience = defineAction({ input: countCampaignAudienceSchema, output: z.object({ count: z.number() }), permission: PERMISSION }, async ({ rules }, { db, companyId }) => {
  const company = await findCompany(db, { companyId });
  if (!company) throw new NotFoundError();
  const audience = await campaignAudience(db, { companyId, rules, now: new Date(), timeZone: company.timezone });
  return { count: await countAudienceCustomers(db, audience) };
});

/** Who will receive it and why the others will not, the billable SMS, the first texts as sent. */
export const dryRunCampaign = defineAction({ input: campaignIdSchema, output: dryRunOutput, permission: PERMISSION }, async ({ id }, context) =>
  dryRun(context.db, { campaign: await campaignOf(context, id) }),
);

/**
 * Sending requires confirming the dry run's count: refused when a fresh dry run counts
 * differently (customers opted out or joined meanwhile). With no send time it starts now.
 */
export const confirmCampaign = defineAction(
  { input: confirmCampaignSchema, output: z.object({ status: z.enum(["scheduled", "sending"]) }), permission: PERMISSION },
  async ({ id, confirmedCount }, context) => {
    const campaign = await campaignOf(context, id);
    if (campaign.status !== "draft") throw new SafeError("campaigns.errors.notADraft");
    if (!campaign.messageBody.trim()) throw new SafeError("campaigns.errors.messageRequired");
    await assertValidTemplate(context.db, context.companyId, campaign.messageBody);
    const fresh = await dryRun(context.db, { campaign });
    if (fresh.willReceive !== confirmedCount) throw new SafeError("campaigns.errors.countChanged", { count: fresh.willReceive });
    const now = new Date();
    const startNow = !campaign.sendAt || campaign.sendAt <= now;
    const row = await setCampaignStatus(context.db, {
      companyId: context.companyId,
      campaignId: id,
      from: ["draft"],
      to: startNow ? "sending" : "scheduled",
      values: { confirmedCount, confirmedAt: now, confirmedByUserId: context.userId, ...(startNow ? { startedAt: now } : {}) },
    });
    if (!row) throw new SafeError("campaigns.errors.statusChanged");
    publish(context.companyId, { type: "campaign.updated", campaignId: id });
    if (startNow) await requestCampaignRun(context.db, { companyId: context.companyId, campaignId: id });
    return { status: startNow ? ("sending" as const) : ("scheduled" as const) };
  },
);

async function move(context: ActionContext, id: string, from: ("scheduled" | "sending" | "paused" | "draft")[], to: "paused" | "sending" | "cancelled") {
  const now = new Date();
  const stamp = to === "paused" ? { pausedAt: now } : to === "cancelled" ? { cancelledAt: now } : { pausedAt: null };
  await campaignOf(context, id);
  const row = await setCampaignStatus(context.db, { companyId: context.companyId, campaignId: id, from, to, values: stamp });
  if (!row) throw new SafeError("campaigns.errors.statusChanged");
  if (to === "cancelled") await cancelPendingRecipients(context.db, { companyId: context.companyId, campaignId: id, now });
  publish(context.companyId, { type: "campaign.updated", campaignId: id });
  if (to === "sending") await requestCampaignRun(context.db, { companyId: context.companyId, campaignId: id });
  return { status: row.status };
}

export const pauseCampaign = defineAction({ input: campaignIdSchema, output: status, permission: PERMISSION }, async ({ id }, context) => move(context, id, ["sending"], "paused"));

export const resumeCampaign = defineAction({ input: campaignIdSchema, output: status, permission: PERMISSION }, async ({ id }, context) => move(context, id, ["paused"], "sending"));

/** Stops for good: recipients not yet texted are cancelled; what was sent stays. */
export const cancelCampaign = defineAction({ input: campaignIdSchema, output: status, permission: PERMISSION }, async ({ id }, context) =>
  move(context, id, ["draft", "scheduled", "sending", "paused"], "cancelled"),
);

/**
 * A note on one recipient (on the customer, linked to the recipient); mentioned users and
 * members of mentioned teams are notified with a link back to it.
 */
export const addCampaignRecipientNote = defineAction(
  { input: campaignRecipientNoteSchema, output: z.object({ id: z.string(), notifiedUserIds: z.array(z.string()) }), permission: PERMISSION },
  async ({ recipientId, body, mentions }, { db, companyId, userId }) => {
    const recipient = await findCampaignRecipient(db, { companyId, recipientId });
    if (!recipient) throw new NotFoundError();
    const campaign = await findCampaign(db, { companyId, campaignId: recipient.campaignId });
    if (!campaign) throw new NotFoundError();
    const [users, teams] = await Promise.all([listCompanyUsers(db, { companyId }), listTeams(db, { companyId })]);
    if (mentions.userIds.some((id) => !users.some((u) => u.id === id)) || mentions.teamIds.some((id) => !teams.some((team) => team.id === id))) {
      throw new SafeError("notes.mentionInvalid");
    }
    const { note, notified } = await db.transaction(async (tx) => {
      const note = await insertNote(tx, { companyId, customerId: recipient.customerId, conversationId: null, campaignRecipientId: recipient.id, authorUserId: userId, body, mentions });
      const teamMemberIds = await listTeamMemberIds(tx, { companyId, teamIds: mentions.teamIds });
      const notified = await recordNotifications(tx, {
        companyId,
        userIds: [...mentions.userIds, ...teamMemberIds],
        exceptUserId: userId,
        kind: "campaign.recipient_note",
        data: { noteId: note.id, recipientId: recipient.id, campaignId: campaign.id, campaignName: campaign.name, customerId: recipient.customerId, preview: body.slice(0, 140) },
        link: `/campaigns/${campaign.id}?recipient=${recipient.id}`,
      });
      return { note, notified };
    });
    announceNotifications(companyId, notified);
    publish(companyId, { type: "campaign.updated", campaignId: campaign.id });
    return { id: note.id, notifiedUserIds: notifiedUserIds(notified) };
  },
);

/** "Load more" on /campaigns: the next campaigns after the cursor (newest first), with their counts. */
export const loadCampaigns = defineAction({ input: campaignListPageSchema, output: campaignPageSchema }, async ({ cursor }, { db, companyId }) => {
  const page = await listCampaigns(db, { companyId, cursor, limit: CAMPAIGN_PAGE });
  return { rows: page.rows.map(toCampaignListRow), nextCursor: page.nextCursor };
});

/** "Load more" on a campaign's results: the next recipients after the cursor, in the same filter, with their notes. */
export const loadCampaignRecipients = defineAction({ input: campaignRecipientsPageSchema, output: recipientPageSchema }, async ({ campaignId, status, cursor }, context) => {
  await campaignOf(context, campaignId);
  return campaignRecipientsPage(context.db, { companyId: context.companyId, campaignId, status, cursor, limit: RECIPIENT_PAGE });
});
