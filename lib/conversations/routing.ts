import "server-only";
import type { Db } from "@/db/client";
import { findAwayDelegation } from "@/db/queries/users";

export type Assignee = { userId: string | null; teamId: string | null };
export const NOBODY: Assignee = { userId: null, teamId: null };

/**
 * Where a conversation goes when it (re)starts (USER-4): to the intended user, unless
 * they are away with a delegate — then to the delegate, even if the delegate is away
 * too (one hop, never a chain).
 */
export async function routeToAvailable(db: Db, intended: Assignee): Promise<Assignee & { delegated: boolean }> {
  if (!intended.userId) return { ...intended, delegated: false };
  const user = await findAwayDelegation(db, { userId: intended.userId });
  if (user?.awayEnabled && (user.delegateUserId || user.delegateTeamId)) {
    return { userId: user.delegateUserId, teamId: user.delegateUserId ? null : user.delegateTeamId, delegated: true };
  }
  return { ...intended, delegated: false };
}

/** The company's default assignee rule for new inbound conversations. */
export function defaultAssignee(company: { defaultAssigneeUserId: string | null; defaultAssigneeTeamId: string | null }): Assignee {
  if (company.defaultAssigneeUserId) return { userId: company.defaultAssigneeUserId, teamId: null };
  if (company.defaultAssigneeTeamId) return { userId: null, teamId: company.defaultAssigneeTeamId };
  return NOBODY;
}
