import "server-only";
import type { Db } from "@/db/client";
import { insertAssignmentEvents, setConversationsAssignee, type AssignmentEventValues } from "@/db/queries/conversations";
import { recordWebhookEvents } from "@/lib/webhooks/record";
import type { Assignee } from "./routing";

export type AssignmentReason = NonNullable<AssignmentEventValues["reason"]>;

/** One conversation changing hands: who held it before (null for a new conversation). */
export type AssignmentChange = {
  conversationId: string;
  customerId: string;
  from: { assigneeUserId: string | null; assigneeTeamId: string | null } | null;
};

type Recorded = { companyId: string; changes: AssignmentChange[]; to: Assignee; byUserId: string | null; reason: AssignmentReason; now: Date };

/**
 * The one record of assignments, whatever made them (staff, the default rule, away
 * delegation, an automation, an integrated system): the history row and the
 * `conversation.assigned` webhook event of each, in the caller's transaction.
 */
export async function recordAssignments(tx: Db, { companyId, changes, to, byUserId, reason, now }: Recorded) {
  if (changes.length === 0) return;
  await insertAssignmentEvents(
    tx,
    changes.map((change) => ({
      companyId,
      conversationId: change.conversationId,
      fromUserId: change.from?.assigneeUserId ?? null,
      fromTeamId: change.from?.assigneeTeamId ?? null,
      toUserId: to.userId,
      toTeamId: to.teamId,
      byUserId,
      reason,
      createdAt: now,
    })),
  );
  await recordWebhookEvents(tx, {
    companyId,
    type: "conversation.assigned",
    events: changes.map((change) => ({
      customerId: change.customerId,
      payload: {
        conversation: {
          id: change.conversationId,
          customer_id: change.customerId,
          assignee_user_id: to.userId,
          assignee_team_id: to.teamId,
          assigned_by_user_id: byUserId,
          reason,
          at: now.toISOString(),
        },
      },
    })),
  });
}

/** Gives existing conversations to `to` (who has not read them yet) and records it; run it in a transaction. */
export async function reassignConversations(tx: Db, input: Recorded) {
  await setConversationsAssignee(tx, { companyId: input.companyId, conversationIds: input.changes.map((c) => c.conversationId), assignee: input.to });
  await recordAssignments(tx, input);
}
