import "server-only";
import type { Db } from "@/db/client";
import { listAttachmentsByIds } from "@/db/queries/files";
import { listGroups } from "@/db/queries/groups";
import { listCompanyUsers } from "@/db/queries/users";
import type { Member } from "@/lib/auth/permissions";
import { loadAudienceCatalogue } from "@/lib/automations/rules/load";
import { env } from "@/lib/env";
import { uploadedFile } from "@/lib/files/files";
import { canEditSavedReplies } from "@/lib/saved-replies/editors";
import { pickerAttributes } from "@/lib/templates/picker";

/** What the campaign form chooses from: rule catalogue, attributes, groups, the company's users; the campaign's files. */
export async function campaignFormContext({ db, companyId, role, permissions }: { db: Db; companyId: string } & Member, attachmentIds: string[] = []) {
  const [catalogue, attributes, groups, users, savedReplies, files] = await Promise.all([
    loadAudienceCatalogue(db, { companyId }),
    pickerAttributes(db, companyId),
    listGroups(db, { companyId }),
    listCompanyUsers(db, { companyId }),
    canEditSavedReplies({ db, companyId, role, permissions }),
    listAttachmentsByIds(db, { companyId, attachmentIds }),
  ]);
  return {
    catalogue,
    attributes,
    groups: groups.map(({ id, name, kind, memberCount }) => ({ id, name, kind, memberCount })),
    users: users.map((user) => ({ id: user.id, name: user.name })),
    canEditSavedReplies: savedReplies,
    initialFiles: files.map(uploadedFile),
    appUrl: env().APP_URL,
  };
}
