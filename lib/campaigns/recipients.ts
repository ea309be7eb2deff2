import "server-only";
import type { Db } from "@/db/client";
import { listCampaignRecipients, listRecipientNotes } from "@/db/queries/campaigns";
import type { CampaignRecipientFilter } from "./validation";
import { listCompanyUsers } from "@/db/queries/users";
import type { KeysetCursor } from "./list-view";
import type { RecipientPage, RecipientView } from "./recipients-view";

const iso = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null);

/**
 * One page of the results page's recipients with their notes, as the browser shows them:
 * the first page on the server render, the next ones through "Load more".
 */
export async function campaignRecipientsPage(
  db: Db,
  { companyId, campaignId, status, cursor, recipientId, limit }: { companyId: string; campaignId: string; status: CampaignRecipientFilter | null; cursor: KeysetCursor | null; recipientId?: string; limit: number },
): Promise<RecipientPage> {
  const [page, users] = await Promise.all([listCampaignRecipients(db, { companyId, campaignId, status, cursor, recipientId, limit }), listCompanyUsers(db, { companyId })]);
  const notes = await listRecipientNotes(db, { companyId, recipientIds: page.rows.map((row) => row.id) });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return {
    rows: page.rows.map(
      (row): RecipientView => ({
        id: row.id,
        customerId: row.customerId,
        customerName: row.customerName,
        mobile: row.mobile,
        conversationId: row.conversationId,
        status: row.status === "sent" && row.messageStatus === "delivered" ? "delivered" : row.status,
        skipReason: row.skipReason,
        error: row.error,
        sentAt: iso(row.sentAt),
        replyBody: row.replyBody,
        repliedAt: iso(row.repliedAt),
        optedOutAt: iso(row.optedOutAt),
      }),
    ),
    notes: notes.map((note) => ({
      id: note.id,
      recipientId: note.campaignRecipientId ?? "",
      body: note.body,
      authorName: (note.authorUserId && names.get(note.authorUserId)) || null,
      createdAt: note.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
