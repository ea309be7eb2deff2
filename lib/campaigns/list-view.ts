import { z } from "zod";
import type { CampaignProgress, CampaignRow } from "@/db/queries/campaigns";

/** A keyset position (created_at, id) as the browser carries it. */
export const keysetCursorSchema = z.object({ createdAt: z.iso.datetime({ offset: true }), id: z.uuid() });
export type KeysetCursor = z.infer<typeof keysetCursorSchema>;

const progressSchema = z.object({
  total: z.number(),
  pending: z.number(),
  sent: z.number(),
  delivered: z.number(),
  failed: z.number(),
  skipped: z.number(),
  cancelled: z.number(),
  replied: z.number(),
  optedOut: z.number(),
});

/** One row of /campaigns as the browser receives it (dates as ISO strings). */
export const campaignListRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(["draft", "scheduled", "sending", "paused", "completed", "cancelled"]),
  sendAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  createdAt: z.string(),
  progress: progressSchema,
});
export type CampaignListRow = z.infer<typeof campaignListRowSchema>;

export const campaignPageSchema = z.object({ rows: z.array(campaignListRowSchema), nextCursor: keysetCursorSchema.nullable() });

export function toCampaignListRow(row: CampaignRow & { progress: CampaignProgress }): CampaignListRow {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    sendAt: row.sendAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    progress: row.progress,
  };
}
