import "server-only";
import type { Db } from "@/db/client";
import { listAttachmentsByIds, listUnsentUploadIds } from "@/db/queries/files";
import { SafeError } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { publicFileUrl } from "@/lib/files/files";

/**
 * A campaign's files (issue 13: files as links): uploads of this company that belong to no
 * message or note, or already the campaign's. Refused otherwise, like the composer's.
 */
export async function assertCampaignFiles(db: Db, { companyId, attachmentIds, current = [] }: { companyId: string; attachmentIds: string[]; current?: string[] }) {
  const wanted = [...new Set(attachmentIds)];
  const free = new Set([...(await listUnsentUploadIds(db, { companyId, attachmentIds: wanted })), ...current]);
  const own = await listAttachmentsByIds(db, { companyId, attachmentIds: wanted });
  if (own.length !== wanted.length || wanted.some((id) => !free.has(id))) throw new SafeError("files.notAvailable");
  return wanted;
}

/** The public links every recipient gets after the text, in the campaign's order (the gate adds them). */
export async function campaignFileLinks(db: Db, { companyId, attachmentIds }: { companyId: string; attachmentIds: string[] }) {
  const files = await listAttachmentsByIds(db, { companyId, attachmentIds });
  return files.map((file) => publicFileUrl(env().APP_URL, file.publicToken));
}
