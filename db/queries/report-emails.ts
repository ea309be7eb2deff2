import "server-only";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, customers, memberships, paymentRequests, reportEmails, users, type ReportEmailKind } from "@/db/schema";

/** Every company, with what the report emails need to decide whether one is due. */
export async function listCompaniesForReportEmails(db: Db, { companyId }: { companyId?: string } = {}) {
  return db
    .select({ id: companies.id, name: companies.name, timezone: companies.timezone, currency: companies.currency, unansweredAfterHours: companies.unansweredAfterHours, businessHours: companies.businessHours, weeklyReportEnabled: companies.weeklyReportEnabled })
    .from(companies)
    .where(companyId ? eq(companies.id, companyId) : undefined)
    .orderBy(asc(companies.id));
}

/** Active members who have no row yet for this report and period (the ones it may still go to). */
export async function listReportEmailCandidates(db: Db, { companyId, kind, periodStart }: { companyId: string; kind: ReportEmailKind; periodStart: string }) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, language: users.language, preferences: users.notificationPreferences, role: memberships.role, permissions: memberships.permissions })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.companyId, companyId),
        eq(memberships.active, true),
        sql`not exists (select 1 from ${reportEmails} r where r.company_id = ${companyId} and r.user_id = ${users.id} and r.kind = ${kind} and r.period_start = ${periodStart})`,
      ),
    )
    .orderBy(asc(users.email));
}

/**
 * Takes the report for one user and period before anything is sent. Returns the row's id,
 * or nothing when another run took it first (the unique index decides).
 */
export async function claimReportEmail(db: Db, row: { companyId: string; userId: string; kind: ReportEmailKind; periodStart: string }) {
  const [claimed] = await db.insert(reportEmails).values(row).onConflictDoNothing().returning({ id: reportEmails.id });
  return claimed?.id;
}

export async function markReportEmailSent(db: Db, { companyId, id, at }: { companyId: string; id: string; at: Date }) {
  await db.update(reportEmails).set({ sentAt: at }).where(and(eq(reportEmails.companyId, companyId), eq(reportEmails.id, id)));
}

/** A send that failed gives its row back, so the next sweep tries again. */
export async function releaseReportEmail(db: Db, { companyId, id }: { companyId: string; id: string }) {
  await db.delete(reportEmails).where(and(eq(reportEmails.companyId, companyId), eq(reportEmails.id, id)));
}

export type CollectedPayment = { id: string; reference: string; customer: { firstName: string; lastName: string; mobile: string | null }; amountCents: number; currency: string; paidAt: Date };

/** Payments collected in [from, to), oldest first (the daily deposits email). */
export async function listPaymentsCollected(db: Db, { companyId, from, to }: { companyId: string; from: Date; to: Date }): Promise<CollectedPayment[]> {
  const rows = await db
    .select({ id: paymentRequests.id, reference: paymentRequests.reference, firstName: customers.firstName, lastName: customers.lastName, mobile: customers.mobile, amountCents: paymentRequests.amountCents, currency: paymentRequests.currency, paidAt: paymentRequests.paidAt })
    .from(paymentRequests)
    .innerJoin(customers, and(eq(customers.id, paymentRequests.customerId), eq(customers.companyId, companyId)))
    .where(and(eq(paymentRequests.companyId, companyId), eq(paymentRequests.status, "paid"), gte(paymentRequests.paidAt, from), lt(paymentRequests.paidAt, to)))
    .orderBy(asc(paymentRequests.paidAt), asc(paymentRequests.id));
  return rows.map(({ firstName, lastName, mobile, paidAt, ...row }) => ({ ...row, customer: { firstName, lastName, mobile }, paidAt: paidAt! }));
}
