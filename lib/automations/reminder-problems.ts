import "server-only";
import type { Db } from "@/db/client";
import { reminderProblemsOf } from "@/db/queries/automation-result-links";

export type ReminderProblem = Awaited<ReturnType<typeof reminderProblemsOf>>[number];

/**
 * The latest automation text about each appointment that did not reach the customer (a
 * carrier error, or why it was skipped), shown wherever the appointment is listed. "Already
 * texted" is no problem: the customer got the first one.
 */
export async function latestReminderProblems(db: Db, { companyId, appointmentIds }: { companyId: string; appointmentIds: string[] }) {
  const problems = await reminderProblemsOf(db, { companyId, appointmentIds });
  // Oldest first, so the latest of each appointment wins.
  return new Map(problems.filter((problem) => problem.skipReason !== "already_texted").map((problem) => [problem.appointmentId!, problem]));
}
