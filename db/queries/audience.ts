import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AudienceRules } from "@/db/schema";

/**
 * What one audience row is about. "customer": one row per matching customer, appointment
 * and event rules are EXISTS subqueries. "appointment" / "event": one row per matching
 * appointment / event of a matching customer, its rules applied to that row (so the
 * reminder knows which appointment it is about).
 */
export type AudienceSubject = "customer" | "appointment" | "event";

export type AudienceQuery = {
  companyId: string;
  rules: AudienceRules;
  subject: AudienceSubject;
  /** "Within the next N days", "N hours before": relative to this instant… */
  now: Date;
  /** …and calendar days in this zone. */
  timeZone: string;
};

/**
 * The audience as one parameterised SELECT with the columns
 * `customer_id, appointment_id, event_id, subject_at` (subject_at: the appointment's start
 * or the event's time; null for customer subjects). Merged-away customers never match.
 * Values are always bound parameters, never spliced into SQL text.
 *
 * CONTRACT (issue 11): the rule compiler fills `conditions` for every category × operator;
 * callers (count, sample, the run's INSERT … SELECT) only use this function.
 */
export function audienceSelect(query: AudienceQuery): SQL {
  const { companyId, subject } = query;
  const where = compileRules(query);
  if (subject === "appointment") {
    return sql`select c.id as customer_id, a.id as appointment_id, null::uuid as event_id, a.start_at as subject_at
      from appointments a join customers c on c.id = a.customer_id and c.company_id = a.company_id
      where a.company_id = ${companyId} and c.merged_into_id is null and ${where}`;
  }
  if (subject === "event") {
    return sql`select c.id as customer_id, null::uuid as appointment_id, e.id as event_id, e.occurred_at as subject_at
      from customer_events e join customers c on c.id = e.customer_id and c.company_id = e.company_id
      where e.company_id = ${companyId} and c.merged_into_id is null and ${where}`;
  }
  return sql`select c.id as customer_id, null::uuid as appointment_id, null::uuid as event_id, null::timestamptz as subject_at
    from customers c
    where c.company_id = ${companyId} and c.merged_into_id is null and ${where}`;
}

/** Placeholder until the compiler lands: an empty rule tree matches everyone. */
function compileRules({ rules }: AudienceQuery): SQL {
  if (rules.all.length === 0) return sql`true`;
  throw new Error("audience rules are not compiled yet");
}

export async function countAudience(db: Db, query: AudienceQuery): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from (${audienceSelect(query)}) audience`);
  return Number(row?.count ?? 0);
}

export type AudienceRow = { customerId: string; appointmentId: string | null; eventId: string | null; subjectAt: Date | null };

/** The first matching rows (dry run, preview), in a stable order. */
export async function sampleAudience(db: Db, query: AudienceQuery & { limit: number }): Promise<AudienceRow[]> {
  const rows = await queryRows<{ customer_id: string; appointment_id: string | null; event_id: string | null; subject_at: string | Date | null }>(
    db,
    sql`select * from (${audienceSelect(query)}) audience order by subject_at nulls last, customer_id limit ${query.limit}`,
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    appointmentId: row.appointment_id,
    eventId: row.event_id,
    subjectAt: row.subject_at ? new Date(row.subject_at) : null,
  }));
}
