import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { SQL } from "drizzle-orm";
import { customerNameOrder, customerSearchCondition } from "@/db/queries/customers";
import { appointments, customerEvents, customers, messages, paymentRequests } from "@/db/schema";

const LIMIT = 8;

// Written out in full: inside the subquery a bare "id" would mean the conversation's.
const activeConversation = sql<string | null>`(select c.id from conversations c where c.customer_id = "customers"."id" and c.archived = false limit 1)`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "389,95 $", "$389.95", "389.95" → 38995 cents; anything else → null. */
export function parseAmount(query: string): number | null {
  const match = /^\s*\$?\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*\$?\s*$/.exec(query);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/**
 * CONV-6 / CUST-1: one query per kind, each on an index (trigram on names, phone digits,
 * repair-order numbers and appointment types; full text on messages; equality on
 * amounts), grouped for display.
 */
export async function globalSearch(db: Db, { companyId, query }: { companyId: string; query: string }) {
  const q = query.trim();
  if (q.length < 2) return { customers: [], messages: [], repairOrders: [], appointments: [], payments: [] };
  const customerName = { firstName: customers.firstName, lastName: customers.lastName, mobile: customers.mobile };
  const like = `%${escapeLike(q.toLowerCase())}%`;
  const amount = parseAmount(q);
  const customerCondition = customerSearchCondition(q);

  const [customerRows, messageRows, repairOrders, appointmentRows, payments] = await Promise.all([
    customerCondition
      ? db
          .select({ id: customers.id, ...customerName, email: customers.email, conversationId: activeConversation })
          .from(customers)
          .where(and(eq(customers.companyId, companyId), isNull(customers.mergedIntoId), customerCondition))
          .orderBy(...customerNameOrder({ searching: true }))
          .limit(LIMIT)
      : [],
    searchMessages(db, companyId, q),
    db
      .select({ id: customerEvents.id, number: customerEvents.number, title: customerEvents.title, occurredAt: customerEvents.occurredAt, ...customerName, conversationId: activeConversation })
      .from(customerEvents)
      .innerJoin(customers, eq(customers.id, customerEvents.customerId))
      .where(and(eq(customerEvents.companyId, companyId), sql`lower(${customerEvents.number}) like ${like}`))
      .orderBy(desc(customerEvents.occurredAt))
      .limit(LIMIT),
    db
      .select({ id: appointments.id, type: appointments.type, startAt: appointments.startAt, status: appointments.status, ...customerName, conversationId: activeConversation })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .where(and(eq(appointments.companyId, companyId), sql`lower(${appointments.type}) like ${like}`))
      .orderBy(desc(appointments.startAt))
      .limit(LIMIT),
    amount === null
      ? []
      : db
          .select({ id: paymentRequests.id, amountCents: paymentRequests.amountCents, currency: paymentRequests.currency, reference: paymentRequests.reference, status: paymentRequests.status, createdAt: paymentRequests.createdAt, ...customerName, conversationId: activeConversation })
          .from(paymentRequests)
          .innerJoin(customers, eq(customers.id, paymentRequests.customerId))
          .where(and(eq(paymentRequests.companyId, companyId), eq(paymentRequests.amountCents, amount)))
          .orderBy(desc(paymentRequests.createdAt))
          .limit(LIMIT),
  ]);
  return { customers: customerRows, messages: messageRows, repairOrders, appointments: appointmentRows, payments };
}

export type GlobalSearchResults = Awaited<ReturnType<typeof globalSearch>>;

/** Above this many matches a word is common: its newest messages are found by date instead. */
const EXACT_MATCH_LIMIT = 1000;

/**
 * Full-text search of message bodies. A rare word is looked up in the GIN index and its
 * matches sorted by date; a common one is found walking messages newest first, which
 * meets enough matches at once. Each plan is fast exactly where the other is slow.
 */
async function searchMessages(db: Db, companyId: string, query: string) {
  const match = sql`to_tsvector('simple', ${messages.body}) @@ websearch_to_tsquery('simple', ${query})`;
  const company = eq(messages.companyId, companyId);
  const hits = await db
    .select({ id: messages.id, createdAt: messages.createdAt })
    .from(messages)
    .where(and(company, match))
    .limit(EXACT_MATCH_LIMIT + 1);
  const common = hits.length > EXACT_MATCH_LIMIT;
  const newest = hits.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, LIMIT).map((hit) => hit.id);
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
    .limit(LIMIT);
}
