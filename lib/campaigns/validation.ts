import { z } from "zod";
import { audienceRulesSchema } from "@/lib/automations/rules/schema";
import { keysetCursorSchema } from "./list-view";

/** The results' filters, in the order the recipients list shows them. */
export const CAMPAIGN_RECIPIENT_FILTERS = ["sent", "delivered", "failed", "replied", "opted_out", "skipped"] as const;
export type CampaignRecipientFilter = (typeof CAMPAIGN_RECIPIENT_FILTERS)[number];

const requestSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("payment_request"),
    amountCents: z.number().int().positive().max(100_000_000),
    currency: z.string().trim().length(3).transform((value) => value.toLowerCase()),
    reference: z.string().trim().max(120).nullish(),
  }),
  z.object({ kind: z.literal("review_request") }),
]);

export const saveCampaignSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, { message: "campaigns.errors.nameRequired" }).max(120),
  messageBody: z.string().max(1600, { message: "campaigns.errors.messageTooLong" }),
  marketing: z.boolean().default(true),
  audience: audienceRulesSchema,
  request: requestSchema.nullable().default(null),
  sendAt: z.iso.datetime({ offset: true }).nullable().default(null),
  repliesUserId: z.uuid().nullable().default(null),
  /** Uploaded files, sent as links after the text (the same links to every recipient). */
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export type SaveCampaignInput = z.output<typeof saveCampaignSchema>;

export const countCampaignAudienceSchema = z.object({ rules: audienceRulesSchema });

export const campaignIdSchema = z.object({ id: z.uuid() });

export const confirmCampaignSchema = z.object({ id: z.uuid(), confirmedCount: z.number().int().min(0) });

export const campaignRecipientNoteSchema = z.object({
  recipientId: z.uuid(),
  body: z.string().trim().min(1, { message: "notes.bodyRequired" }).max(4000, { message: "notes.bodyTooLong" }),
  mentions: z
    .object({ userIds: z.array(z.uuid()).max(50).default([]), teamIds: z.array(z.uuid()).max(20).default([]) })
    .default({ userIds: [], teamIds: [] }),
});

export const campaignListPageSchema = z.object({ cursor: keysetCursorSchema });

export const campaignRecipientsPageSchema = z.object({
  campaignId: z.uuid(),
  status: z.enum(CAMPAIGN_RECIPIENT_FILTERS).nullable().default(null),
  cursor: keysetCursorSchema,
});
