import "server-only";
import type { Db } from "@/db/client";
import { countOtherActiveAdmins, findStaffMember, listOpenConversationIdsOf } from "@/db/queries/staff";
import { deactivateMembership, revokeUserSessions } from "@/db/queries/users";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { assignConversations } from "@/lib/conversations/assign";
import type { Assignee } from "@/lib/conversations/routing";

/**
 * An admin takes a user out of the company: they can no longer sign in to it, every
 * session they have open ends at its next request, and their open conversations go to
 * `handover` (a user or team the admin chose). Their history stays theirs.
 */
export async function deactivateUser(
  db: Db,
  {
    companyId,
    actorUserId,
    userId,
    handover,
    now = new Date(),
  }: { companyId: string; actorUserId: string; userId: string; handover?: Assignee; now?: Date },
) {
  if (userId === actorUserId) throw new SafeError("users.cannotDeactivateSelf");
  if (handover?.userId === userId) throw new SafeError("staff.handoverInvalid");
  const member = await findStaffMember(db, { companyId, userId });
  if (!member?.active) throw new NotFoundError();
  if (member.role === "admin" && (await countOtherActiveAdmins(db, { companyId, exceptUserId: userId })) === 0) {
    throw new SafeError("staff.lastAdmin");
  }
  const open = await listOpenConversationIdsOf(db, { companyId, userId });
  // Handed over while the member still counts as one, so the new assignee is checked against the company.
  if (handover && open.length > 0) {
    await assignConversations(db, { companyId, userId: actorUserId, selection: { conversationIds: open }, target: handover, reason: "member_deactivated", now });
  }
  await db.transaction(async (tx) => {
    if (!(await deactivateMembership(tx, { companyId, userId }))) throw new NotFoundError();
    await revokeUserSessions(tx, { companyId, userId });
  });
  return { handedOver: handover ? open.length : 0 };
}
