import "server-only";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automations, type AutomationStatus } from "@/db/schema";
import type { AutomationDefinition } from "@/lib/automations/types";

export async function listAutomations(db: Db, { companyId, includeArchived = false }: { companyId: string; includeArchived?: boolean }) {
  return db
    .select({
      id: automations.id,
      name: automations.name,
      type: automations.type,
      status: automations.status,
      schedule: automations.schedule,
      dailyAt: automations.dailyAt,
      realtimeEveryMinutes: automations.realtimeEveryMinutes,
      activatedAt: automations.activatedAt,
      lastRunAt: automations.lastRunAt,
      archivedAt: automations.archivedAt,
    })
    .from(automations)
    .where(and(eq(automations.companyId, companyId), includeArchived ? undefined : ne(automations.status, "archived")))
    .orderBy(desc(automations.createdAt));
}

/** One automation of the company, or undefined (another company's id reads as absent). */
export async function findAutomation(db: Db, { companyId, automationId }: { companyId: string; automationId: string }) {
  const [row] = await db
    .select()
    .from(automations)
    .where(and(eq(automations.companyId, companyId), eq(automations.id, automationId)));
  return row;
}

/** The columns a definition writes (same names as the table's). */
function definitionColumns(definition: AutomationDefinition) {
  return {
    name: definition.name,
    type: definition.type,
    rules: definition.rules,
    messageBody: definition.messageBody,
    marketing: definition.marketing,
    keywordResponses: definition.keywordResponses,
    fallbackUserId: definition.fallbackUserId,
    fallbackReply: definition.fallbackReply,
    sentimentEnabled: definition.sentimentEnabled,
    sentimentScale: definition.sentimentScale,
    negativeNotifyUserIds: definition.negativeNotifyUserIds,
    schedule: definition.schedule,
    dailyAt: definition.dailyAt,
    realtimeEveryMinutes: definition.realtimeEveryMinutes,
    triggerScope: definition.triggerScope,
    repeatAfterDays: definition.repeatAfterDays,
    settings: definition.settings,
    aiReplies: definition.aiReplies,
    replyWindowDays: definition.replyWindowDays,
  };
}

/**
 * A new automation (the wizard's "Create", the library's "Yes, activate"). An automation
 * created active has `activatedAt` set now.
 */
export async function insertAutomation(
  db: Db,
  {
    companyId,
    definition,
    status,
    createdByUserId,
    templateKey,
  }: { companyId: string; definition: AutomationDefinition; status: "draft" | "active"; createdByUserId: string | null; templateKey?: string | null },
) {
  const [row] = await db
    .insert(automations)
    .values({
      companyId,
      ...definitionColumns(definition),
      status,
      createdByUserId,
      templateKey: templateKey ?? null,
      activatedAt: status === "active" ? new Date() : null,
    })
    .returning();
  return row!;
}

/**
 * Replace the definition (edits apply to future sends: results already written stay).
 * An archived automation is not edited.
 */
export async function updateAutomationDefinition(
  db: Db,
  { companyId, automationId, definition }: { companyId: string; automationId: string; definition: AutomationDefinition },
) {
  const [row] = await db
    .update(automations)
    .set(definitionColumns(definition))
    .where(and(eq(automations.companyId, companyId), eq(automations.id, automationId), ne(automations.status, "archived")))
    .returning();
  return row;
}

/**
 * Move an automation from one of `from` to `to` (conditional: a pause racing an archive
 * leaves one winner). Activating stamps `activatedAt`; archiving stamps `archivedAt`.
 */
export async function setAutomationStatus(
  db: Db,
  { companyId, automationId, from, to }: { companyId: string; automationId: string; from: AutomationStatus[]; to: AutomationStatus },
) {
  const [row] = await db
    .update(automations)
    .set({
      status: to,
      ...(to === "active" ? { activatedAt: sql`coalesce(${automations.activatedAt}, now())` } : {}),
      ...(to === "archived" ? { archivedAt: new Date() } : {}),
    })
    .where(and(eq(automations.companyId, companyId), eq(automations.id, automationId), inArray(automations.status, from)))
    .returning();
  return row;
}
