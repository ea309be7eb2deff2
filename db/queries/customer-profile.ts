import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "@/db/client";
import { appointments, conversations, customerEvents, estimates, notes, paymentRequests, reviews, users } from "@/db/schema";

export const PROFILE_TABS = ["all", "conversations", "appointments", "events", "invoices", "notes", "estimates", "reviews"] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

const LIMIT = 100;
type Owner = { companyId: string; customerId: string };
const own = (table: { companyId: AnyPgColumn; customerId: AnyPgColumn }, companyId: string, customerId: string) =>
  and(eq(table.companyId, companyId), eq(table.customerId, customerId));

/** Each tab's rows for one customer (CUST-6), newest first, each list capped. */
export const profileTabs = {
  conversations: (db: Db, { companyId, customerId }: Owner) =>
    db
      .select({
        id: conversations.id,
        status: conversations.status,
        archived: conversations.archived,
        lastActivityAt: conversations.lastActivityAt,
        lastMessagePreview: conversations.lastMessagePreview,
        createdAt: conversations.createdAt,
      })
      .from(conversations)
      .where(own(conversations, companyId, customerId))
      .orderBy(asc(conversations.archived), desc(conversations.lastActivityAt))
      .limit(LIMIT),
  appointments: (db: Db, { companyId, customerId }: Owner) =>
    db.select().from(appointments).where(own(appointments, companyId, customerId)).orderBy(desc(appointments.startAt)).limit(LIMIT),
  events: (db: Db, { companyId, customerId }: Owner) =>
    db.select().from(customerEvents).where(own(customerEvents, companyId, customerId)).orderBy(desc(customerEvents.occurredAt)).limit(LIMIT),
  invoices: (db: Db, { companyId, customerId }: Owner) =>
    db.select().from(paymentRequests).where(own(paymentRequests, companyId, customerId)).orderBy(desc(paymentRequests.createdAt)).limit(LIMIT),
  notes: (db: Db, { companyId, customerId }: Owner) =>
    db
      .select({ id: notes.id, body: notes.body, createdAt: notes.createdAt, conversationId: notes.conversationId, authorName: users.name })
      .from(notes)
      .leftJoin(users, eq(users.id, notes.authorUserId))
      .where(own(notes, companyId, customerId))
      .orderBy(desc(notes.createdAt))
      .limit(LIMIT),
  estimates: (db: Db, { companyId, customerId }: Owner) =>
    db.select().from(estimates).where(own(estimates, companyId, customerId)).orderBy(desc(estimates.createdAt)).limit(LIMIT),
  reviews: (db: Db, { companyId, customerId }: Owner) =>
    db.select().from(reviews).where(own(reviews, companyId, customerId)).orderBy(desc(reviews.createdAt)).limit(LIMIT),
};

export type ProfileTabRows = { [K in keyof typeof profileTabs]: Awaited<ReturnType<(typeof profileTabs)[K]>> };

/** How many rows each tab has, in one round trip, for the tab badges. */
export async function profileTabCounts(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  const counted = (table: string) => sql<number>`(select count(*)::int from ${sql.identifier(table)} where company_id = ${companyId} and customer_id = ${customerId})`;
  const [row] = await queryRows<Record<Exclude<ProfileTab, "all">, number>>(db, sql`select
    ${counted("conversations")} as conversations,
    ${counted("appointments")} as appointments,
    ${counted("customer_events")} as events,
    ${counted("payment_requests")} as invoices,
    ${counted("notes")} as notes,
    ${counted("estimates")} as estimates,
    ${counted("reviews")} as reviews`);
  return row!;
}

export type TimelineItem =
  | { kind: "conversation"; at: Date; row: ProfileTabRows["conversations"][number] }
  | { kind: "appointment"; at: Date; row: ProfileTabRows["appointments"][number] }
  | { kind: "event"; at: Date; row: ProfileTabRows["events"][number] }
  | { kind: "invoice"; at: Date; row: ProfileTabRows["invoices"][number] }
  | { kind: "note"; at: Date; row: ProfileTabRows["notes"][number] }
  | { kind: "estimate"; at: Date; row: ProfileTabRows["estimates"][number] }
  | { kind: "review"; at: Date; row: ProfileTabRows["reviews"][number] };

/** "All activities": every tab's rows on one timeline, newest first. */
export async function profileTimeline(db: Db, { companyId, customerId }: { companyId: string; customerId: string }): Promise<TimelineItem[]> {
  const [conversationRows, appointmentRows, eventRows, invoiceRows, noteRows, estimateRows, reviewRows] = await Promise.all([
    profileTabs.conversations(db, { companyId, customerId }),
    profileTabs.appointments(db, { companyId, customerId }),
    profileTabs.events(db, { companyId, customerId }),
    profileTabs.invoices(db, { companyId, customerId }),
    profileTabs.notes(db, { companyId, customerId }),
    profileTabs.estimates(db, { companyId, customerId }),
    profileTabs.reviews(db, { companyId, customerId }),
  ]);
  const items: TimelineItem[] = [
    ...conversationRows.map((row) => ({ kind: "conversation" as const, at: row.createdAt, row })),
    ...appointmentRows.map((row) => ({ kind: "appointment" as const, at: row.startAt, row })),
    ...eventRows.map((row) => ({ kind: "event" as const, at: row.occurredAt, row })),
    ...invoiceRows.map((row) => ({ kind: "invoice" as const, at: row.paidAt ?? row.createdAt, row })),
    ...noteRows.map((row) => ({ kind: "note" as const, at: row.createdAt, row })),
    ...estimateRows.map((row) => ({ kind: "estimate" as const, at: row.createdAt, row })),
    ...reviewRows.filter((row) => row.submittedAt).map((row) => ({ kind: "review" as const, at: row.submittedAt!, row })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, LIMIT);
}
