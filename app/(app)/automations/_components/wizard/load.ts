import "server-only";
import type { Db } from "@/db/client";
import { listCompanyUsers } from "@/db/queries/users";
import { defaultAiClient } from "@/lib/ai/client";
import type { Member } from "@/lib/auth/permissions";
import { loadAudienceCatalogue } from "@/lib/automations/rules/load";
import { canEditSavedReplies } from "@/lib/saved-replies/editors";
import { pickerAttributes } from "@/lib/templates/picker";
import type { WizardProps } from "./types";

/** What every wizard step chooses from: rule catalogue, attributes, the company's users. */
export async function wizardContext(
  { db, companyId, userId, role, permissions, timeZone }: { db: Db; companyId: string; userId: string; timeZone: string } & Member,
): Promise<Omit<WizardProps, "initial" | "automationId" | "status">> {
  const [catalogue, attributes, users, savedReplies] = await Promise.all([
    loadAudienceCatalogue(db, { companyId }),
    pickerAttributes(db, companyId),
    listCompanyUsers(db, { companyId }),
    canEditSavedReplies({ db, companyId, role, permissions }),
  ]);
  return {
    catalogue,
    attributes,
    users: users.map((user) => ({ id: user.id, name: user.name })),
    currentUserId: userId,
    aiEnabled: defaultAiClient() !== null,
    timeZone,
    canEditSavedReplies: savedReplies,
  };
}
