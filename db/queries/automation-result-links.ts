import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automationResults, automations, notes, users } from "@/db/schema";

/**
 * The automation behind each result a thread's messages name (CONV-8): a message sent by
 * an automation, or its keyword auto-reply, carries the result id as its source.
 */
export async function automationSourcesOf(db: Db, { companyId, resultIds }: { companyId: string; resultIds: string[] }) {
  if (resultIds.length === 0) return [];
  return db
    .select({ resultId: automationResults.id, automationId: automations.id, automationName: automations.name })
    .from(automationResults)
    .innerJoin(automations, and(eq(automations.id, automationResults.automationId), eq(automations.companyId, automationResults.companyId)))
    .where(and(eq(automationResults.companyId, companyId), inArray(automationResults.id, resultIds)));
}

/**
 * Reminder texts about these appointments that did not reach the customer: the carrier's
 * error (failed) or why it was not sent (skipped), newest first — shown on the appointment.
 */
export async function reminderProblemsOf(db: Db, { companyId, appointmentIds }: { companyId: string; appointmentIds: string[] }) {
  if (appointmentIds.length === 0) return [];
  return db
    .select({
      appointmentId: automationResults.appointmentId,
      resultId: automationResults.id,
      automationId: automations.id,
      automationName: automations.name,
      status: automationResults.status,
      skipReason: automationResults.skipReason,
      error: automationResults.error,
      createdAt: automationResults.createdAt,
    })
    .from(automationResults)
    .innerJoin(automations, and(eq(automations.id, automationResults.automationId), eq(automations.companyId, automationResults.companyId)))
    .where(
      and(
        eq(automationResults.companyId, companyId),
        inArray(automationResults.appointmentId, appointmentIds),
        inArray(automationResults.status, ["failed", "skipped"]),
      ),
    )
    .orderBy(automationResults.createdAt);
}

/** Notes written on these results (oldest first), with their author's name. */
export async function listResultNotes(db: Db, { companyId, resultIds }: { companyId: string; resultIds: string[] }) {
  if (resultIds.length === 0) return [];
  return db
    .select({ id: notes.id, resultId: notes.automationResultId, body: notes.body, authorUserId: notes.authorUserId, authorName: users.name, createdAt: notes.createdAt })
    .from(notes)
    .leftJoin(users, eq(users.id, notes.authorUserId))
    .where(and(eq(notes.companyId, companyId), inArray(notes.automationResultId, resultIds)))
    .orderBy(asc(notes.createdAt), asc(notes.id));
}
