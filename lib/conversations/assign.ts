import "server-only";
import { nudgeWebhookDelivery } from "@/lib/webhooks/record";
import type { Db } from "@/db/client";
import { listAssignmentTargets, type AssignSelection } from "@/db/queries/inbox";
import { findCompanyUser, listTeamMemberIds, listTeams } from "@/db/queries/users";
import { SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { notify } from "@/lib/notifications/notify";
import { reassignConversations, type AssignmentReason } from "./assignment";
import type { Assignee } from "./routing";

export type { AssignSelection } from "@/db/queries/inbox";

/** "user:<id>" / "team:<id>" as used by the assignment menus. */
export function parseAssignee(value: string): Assignee {
  const [kind, id] = value.split(":");
  if (kind === "user" && id) return { userId: id, teamId: null };
  if (kind === "team" && id) return { userId: null, teamId: id };
  throw new SafeError("conversations.assigneeInvalid");
}

async function assertAssigneeInCompany(db: Db, companyId: string, target: Assignee) {
  const valid = target.userId
    ? Boolean(await findCompanyUser(db, { companyId, userId: target.userId }))
    : (await listTeams(db, { companyId })).some((team) => team.id === target.teamId);
  if (!valid) throw new SafeError("conversations.assigneeInvalid");
}

/**
 * CONV-5: assigns one, several or all matching conversations to a user or team. Each
 * change is recorded (date, time, new assignee), the new assignee has not read it yet,
 * and they are notified.
 */
export async function assignConversations(
  db: Db,
  {
    companyId,
    userId,
    selection,
    target,
    reason: givenReason,
    now = new Date(),
  }: { companyId: string; userId: string; selection: AssignSelection; target: Assignee; reason?: AssignmentReason; now?: Date },
) {
  await assertAssigneeInCompany(db, companyId, target);
  const current = await listAssignmentTargets(db, { companyId, userId, selection });
  const changing = current.filter((c) => c.assigneeUserId !== target.userId || c.assigneeTeamId !== target.teamId);
  if (changing.length === 0) return { assigned: 0 };

  const reason = givenReason ?? (changing.length > 1 ? "bulk" : "manual");
  await db.transaction(async (tx) => {
    for (let start = 0; start < changing.length; start += 1000) {
      const chunk = changing.slice(start, start + 1000);
      await reassignConversations(tx, {
        companyId,
        changes: chunk.map((c) => ({ conversationId: c.id, customerId: c.customerId, from: c })),
        to: target,
        byUserId: userId,
        reason,
        now,
      });
    }
  });
  await nudgeWebhookDelivery();

  const recipients = target.userId ? [target.userId] : await listTeamMemberIds(db, { companyId, teamIds: [target.teamId!] });
  const first = changing[0]!.id;
  await notify(db, {
    companyId,
    userIds: recipients,
    exceptUserId: userId,
    kind: "conversation.assigned",
    data: { count: changing.length, conversationId: first, byUserId: userId },
    link: changing.length === 1 ? `/conversations/${first}` : "/conversations",
  });
  for (const conversation of changing.slice(0, 200)) publish(companyId, { type: "conversation.updated", conversationId: conversation.id });
  return { assigned: changing.length };
}
