import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { COUNT_CAP } from "@/lib/capped-count";
import { appointments, automations, companies, conversations } from "@/db/schema";
import { dayRange, utcToZonedLocal } from "@/lib/time";

export async function findCompany(db: Db, { companyId }: { companyId: string }) {
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId)).limit(1);
  return company;
}

export async function findCompanyBySenderNumber(db: Db, senderNumber: string) {
  const [company] = await db
    .select()
    .from(companies)
    .where(eq(companies.senderNumber, senderNumber))
    .limit(1);
  return company;
}

/**
 * Figures shown as sidebar badges, in one statement. Each counts at most COUNT_CAP rows
 * of an index range (open conversations, today's appointments, active automations):
 * the badge shows "999+" beyond, and a big company's count stays as cheap as a small one's.
 */
export async function companyCounts(db: Db, { companyId, timeZone, now = new Date() }: { companyId: string; timeZone: string; now?: Date }) {
  const today = dayRange(utcToZonedLocal(now, timeZone).slice(0, 10), timeZone);
  const capped = (rows: SQL) => sql`(select count(*)::int from (${rows} limit ${COUNT_CAP}) as capped)`;
  const [row] = await queryRows<{ open: number; appointments_today: number; active: number }>(
    db,
    sql`select
      ${capped(sql`select 1 from ${conversations} where ${conversations.companyId} = ${companyId} and ${conversations.status} = 'open' and ${conversations.archived} = false`)} as open,
      ${capped(sql`select 1 from ${appointments} where ${appointments.companyId} = ${companyId} and ${appointments.startAt} >= ${today.start.toISOString()}::timestamptz and ${appointments.startAt} < ${today.end.toISOString()}::timestamptz and ${appointments.status} <> 'cancelled'`)} as appointments_today,
      ${capped(sql`select 1 from ${automations} where ${automations.companyId} = ${companyId} and ${automations.status} = 'active'`)} as active`,
  );
  return {
    openConversations: row?.open ?? 0,
    appointmentsToday: row?.appointments_today ?? 0,
    activeAutomations: row?.active ?? 0,
  };
}

type CompanySettings = Partial<Pick<typeof companies.$inferInsert, "autoCloseDays" | "unansweredAfterHours" | "defaultAssigneeUserId" | "defaultAssigneeTeamId" | "reviewLinks" | "businessHours" | "weeklyReportEnabled">>;

/** Company settings an administrator changes (conversations, review links, business hours, the weekly email). */
export async function updateCompanySettings(db: Db, { companyId, changes }: { companyId: string; changes: CompanySettings }) {
  const [company] = await db.update(companies).set(changes).where(eq(companies.id, companyId)).returning();
  return company!;
}

/** A deleted team is no longer the company's default assignee. */
export async function clearDefaultAssigneeTeam(db: Db, { companyId, teamId }: { companyId: string; teamId: string }) {
  await db
    .update(companies)
    .set({ defaultAssigneeTeamId: null })
    .where(and(eq(companies.id, companyId), eq(companies.defaultAssigneeTeamId, teamId)));
}
