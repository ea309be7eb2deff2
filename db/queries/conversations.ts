import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations } from "@/db/schema";

export async function findConversation(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)))
    .limit(1);
  return row;
}

export async function setConversationStatus(
  db: Db,
  { companyId, conversationId, status, now = new Date() }: { companyId: string; conversationId: string; status: "open" | "closed"; now?: Date },
) {
  const [row] = await db
    .update(conversations)
    .set({ status, closedAt: status === "closed" ? now : null })
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)))
    .returning({ id: conversations.id, status: conversations.status });
  return row;
}

/** A deleted team's conversations stay, unassigned. */
export async function unassignTeamConversations(db: Db, { companyId, teamId }: { companyId: string; teamId: string }) {
  await db.update(conversations).set({ assigneeTeamId: null }).where(and(eq(conversations.companyId, companyId), eq(conversations.assigneeTeamId, teamId)));
}
