import "server-only";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import { can, type Member } from "@/lib/auth/permissions";

/** EDIT-4: editing saved replies is a permission, ticked per agent or given to every agent by the company. */
export async function canEditSavedReplies({ db, companyId, role, permissions, company }: { db: Db; companyId: string; company?: { savedReplyEditorsRole: string } } & Member) {
  if (can({ role, permissions }, "editSavedReplies")) return true;
  // The session's company row when the caller has it: no second read.
  return (company ?? (await findCompany(db, { companyId })))?.savedReplyEditorsRole === "agent";
}
