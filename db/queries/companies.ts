import "server-only";
import { and, count, eq, gte, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
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
 * Figures shown as sidebar badges. Each is an index range scan that stays small on a big
 * company (open conversations, today's appointments), never a count of every customer.
 */
export async function companyCounts(db: Db, { companyId, timeZone, now = new Date() }: { companyId: string; timeZone: string; now?: Date }) {
  const today = dayRange(utcToZonedLocal(now, timeZone).slice(0, 10), timeZone);
  const [[open], [appointmentsToday], [active]] = await Promise.all([
    db
      .select({ value: count() })
      .from(conversations)
      .where(and(eq(conversations.companyId, companyId), eq(conversations.status, "open"), eq(conversations.archived, false))),
    db
      .select({ value: count() })
      .from(appointments)
      .where(and(eq(appointments.companyId, companyId), gte(appointments.startAt, today.start), lt(appointments.startAt, today.end), ne(appointments.status, "cancelled"))),
    db
      .select({ value: count() })
      .from(automations)
      .where(and(eq(automations.companyId, companyId), eq(automations.status, "active"))),
  ]);
  return {
    openConversations: open?.value ?? 0,
    appointmentsToday: appointmentsToday?.value ?? 0,
    activeAutomations: active?.value ?? 0,
  };
}

type CompanySettings = Partial<Pick<typeof companies.$inferInsert, "autoCloseDays" | "unansweredAfterHours" | "defaultAssigneeUserId" | "defaultAssigneeTeamId" | "reviewLinks" | "businessHours">>;

/** Company settings an administrator changes (conversations, review links, business hours). */
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
