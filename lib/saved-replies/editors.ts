import "server-only";
import type { Db } from "@/db/client";
import { findCompany } from "@/db/queries/companies";
import type { Role } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";

/** EDIT-4: editing saved replies is a permission; the company decides whether agents have it. */
export async function canEditSavedReplies({ db, companyId, role }: { db: Db; companyId: string; role: Role }) {
  if (can(role, "editSavedReplies")) return true;
  return (await findCompany(db, { companyId }))?.savedReplyEditorsRole === "agent";
}
