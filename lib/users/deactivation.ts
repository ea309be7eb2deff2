import "server-only";
import type { Db } from "@/db/client";
import { deactivateMembership, revokeUserSessions } from "@/db/queries/users";
import { NotFoundError, SafeError } from "@/lib/actions/errors";

/**
 * An admin takes a user out of the company: they can no longer sign in to it, and every
 * session they have open ends at its next request.
 */
export async function deactivateUser(
  db: Db,
  { companyId, actorUserId, userId }: { companyId: string; actorUserId: string; userId: string },
) {
  if (userId === actorUserId) throw new SafeError("users.cannotDeactivateSelf");
  await db.transaction(async (tx) => {
    if (!(await deactivateMembership(tx, { companyId, userId }))) throw new NotFoundError();
    await revokeUserSessions(tx, { companyId, userId });
  });
}
