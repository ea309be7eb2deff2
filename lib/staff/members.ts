import "server-only";
import type { Db } from "@/db/client";
import { countOtherActiveAdmins, findStaffMember, reactivateMembership, updateMembership } from "@/db/queries/staff";
import type { MemberPermissions, Role } from "@/db/schema";
import { NotFoundError, SafeError } from "@/lib/actions/errors";

/** A new role or new ticks; the company always keeps an active administrator. */
export async function updateMember(
  db: Db,
  { companyId, userId, role, permissions }: { companyId: string; userId: string; role: Role; permissions: MemberPermissions },
) {
  const member = await findStaffMember(db, { companyId, userId });
  if (!member) throw new NotFoundError();
  if (member.role === "admin" && role !== "admin" && member.active && (await countOtherActiveAdmins(db, { companyId, exceptUserId: userId })) === 0) {
    throw new SafeError("staff.lastAdmin");
  }
  // An administrator has every permission: ticks stored for one would only mislead later.
  await updateMembership(db, { companyId, userId, role, permissions: role === "admin" ? {} : permissions });
}

/** Back in the company; they sign in again (their old sessions ended at deactivation). */
export async function reactivateMember(db: Db, { companyId, userId }: { companyId: string; userId: string }) {
  if (!(await reactivateMembership(db, { companyId, userId }))) throw new NotFoundError();
}
