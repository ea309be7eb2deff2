import "server-only";
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customerSearchCondition, selectSearchedCustomers } from "@/db/queries/customers";
import { appointments, customerEvents, customers, messages, paymentRequests } from "@/db/schema";

// Written out in full: inside the subquery a bare "id" would mean the conversation's.
const activeConversation = sql<string | null>`(select c.id from conversations c where c.customer_id = "customers"."id" and c.archived = false limit 1)`;
const customerName = { firstName: customers.firstName, lastName: customers.lastName, mobile: customers.mobile };
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const containing = (query: string) => `%${escapeLike(query.toLowerCase())}%`;

/** Customers by name, phone digits or email (trigram and digit indexes). */
export async function searchCustomers(db: Db, { companyId, query, limit }: { companyId: string; query: string; limit: number }) {
  const condition = customerSearchCondition(query);
  if (!condition) return [];
  return selectSearchedCustomers(db, {
    companyId,
    query,
    columns: { id: customers.id, ...customerName, email: customers.email, conversationId: activeConversation },
    conditions: [eq(customers.companyId, companyId), isNull(customers.mergedIntoId), condition],
    limit,
  });
}

export async function searchRepairOrders(db: Db, { companyId, query, limit }: { companyId: string; query: string; limit: number }) {
  return db
    .select({ id: customerEvents.id, number: customerEvents.number, title: customerEvents.title, occurredAt: customerEvents.occurredAt, ...customerName, conversationId: activeConversation })
    .from(customerEvents)
    .innerJoin(customers, eq(customers.id, customerEvents.customerId))
    .where(and(eq(customerEvents.companyId, companyId), sql`parley_fold(${customerEvents.number}) like parley_fold(${containing(query)})`))
    .orderBy(desc(customerEvents.occurredAt))
    .limit(limit);
}

export async function searchAppointments(db: Db, { companyId, query, limit }: { companyId: string; query: string; limit: number }) {
  return db
    .select({ id: appointments.id, type: appointments.type, startAt: appointments.startAt, status: appointments.status, ...customerName, conversationId: activeConversation })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .where(and(eq(appointments.companyId, companyId), sql`parley_fold(${appointments.type}) like parley_fold(${containing(query)})`))
    .orderBy(desc(appointments.startAt))
    .limit(limit);
}

export async function searchPaymentsByAmount(db: Db, { companyId, amountCents, limit }: { companyId: string; amountCents: number; limit: number }) {
  return db
    .select({ id: paymentRequests.id, amountCents: paymentRequests.amountCents, currency: paymentRequests.currency, reference: paymentRequests.reference, status: paymentRequests.status, createdAt: paymentRequests.createdAt, ...customerName, conversationId: activeConversation })
    .from(paymentRequests)
    .innerJoin(customers, eq(customers.id, paymentRequests.customerId))
    .where(and(eq(paymentRequests.companyId, companyId), eq(paymentRequests.amountCents, amountCents)))
    .orderBy(desc(paymentRequests.createdAt))
    .limit(limit);
}

/** Above this many matches a word is common: its newest messages are found by date instead. */
const EXACT_MATCH_LIMIT = 1000;

/**
 * Full-text search of message bodies. A rare word is looked up in the GIN index and its
 * matches sorted by date; a common one is found walking messages newest first, which
 * meets enough matches at once. Each plan is fast exactly where the other is slow.
 */
export async function searchMessages(db: Db, { companyId, query, limit }: { companyId: string; query: string; limit: number }) {
  const match = sql`to_tsvector('simple', ${messages.body}) @@ websearch_to_tsquery('simple', ${query})`;
  const company = eq(messages.companyId, companyId);
  const hits = await db
    .select({ id: messages.id, createdAt: messages.createdAt })
    .from(messages)
    .where(and(company, match))
    .limit(EXACT_MATCH_LIMIT + 1);
  const common = hits.length > EXACT_MATCH_LIMIT;
  const newest = hits.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit).map((hit) => hit.id);
  if (!common && newest.length === 0) return [];
  const where: SQL = common ? and(company, match)! : and(company, inArray(messages.id, newest))!;
  return db
    .select({
      id: messages.id,
      body: messages.body,
      createdAt: messages.createdAt,
      direction: messages.direction,
      conversationId: messages.conversationId,
      firstName: customers.firstName,
      lastName: customers.lastName,
      mobile: customers.mobile,
    })
    .from(messages)
    .innerJoin(customers, eq(customers.id, messages.customerId))
    .where(where)
    .orderBy(desc(messages.createdAt))
    .limit(limit);
}
