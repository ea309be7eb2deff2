import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { AnyPgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appointments, conversations, customerEvents, customers, memberships, messages, users } from "@/db/schema";
import { customerSearchCondition } from "./customers";

/**
 * Newest first, after the row the cursor names (`[id]` of the last item of the previous
 * page): compared with that row's own stored time, to the microsecond.
 */
function before(table: AnyPgTable, createdAt: AnyColumn, id: AnyColumn, cursor: string[] | undefined, companyId?: AnyColumn, company?: string): SQL | undefined {
  if (!cursor) return undefined;
  const sameCompany = companyId ? sql` and ${companyId} = ${company}` : sql``;
  return sql`(${createdAt}, ${id}) < (select ${createdAt}, ${id} from ${table} where ${id} = ${cursor[0]!}::uuid${sameCompany})`;
}
type Page = { limit: number; cursor?: string[] };

export async function findApiCustomers(db: Db, { companyId, customerIds }: { companyId: string; customerIds: string[] }) {
  if (!customerIds.length) return [];
  return db.select().from(customers).where(and(eq(customers.companyId, companyId), inArray(customers.id, customerIds)));
}

export async function listApiCustomers(
  db: Db,
  { companyId, q, externalId, mobile, optedOut, subscribed, limit, cursor }: Page & { companyId: string; q?: string; externalId?: string; mobile?: string; optedOut?: boolean; subscribed?: "general" | "marketing" },
) {
  return db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.companyId, companyId),
        isNull(customers.mergedIntoId),
        q ? customerSearchCondition(q) : undefined,
        externalId ? eq(customers.externalId, externalId) : undefined,
        mobile ? eq(customers.mobile, mobile) : undefined,
        optedOut === undefined ? undefined : optedOut ? isNotNull(customers.optedOutAt) : isNull(customers.optedOutAt),
        subscribed === "general" ? eq(customers.subscribedGeneral, true) : subscribed === "marketing" ? eq(customers.subscribedMarketing, true) : undefined,
        before(customers, customers.createdAt, customers.id, cursor, customers.companyId, companyId),
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(limit + 1);
}

export async function findApiAppointments(db: Db, { companyId, appointmentIds }: { companyId: string; appointmentIds: string[] }) {
  if (!appointmentIds.length) return [];
  return db.select().from(appointments).where(and(eq(appointments.companyId, companyId), inArray(appointments.id, appointmentIds)));
}

export async function findAppointmentsByExternalIds(db: Db, { companyId, externalIds }: { companyId: string; externalIds: string[] }) {
  if (!externalIds.length) return [];
  return db.select().from(appointments).where(and(eq(appointments.companyId, companyId), inArray(appointments.externalId, externalIds)));
}

export async function listApiAppointments(
  db: Db,
  { companyId, customerId, status, externalId, limit, cursor }: Page & { companyId: string; customerId?: string; status?: string; externalId?: string },
) {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.companyId, companyId),
        customerId ? eq(appointments.customerId, customerId) : undefined,
        status ? eq(appointments.status, status as "scheduled") : undefined,
        externalId ? eq(appointments.externalId, externalId) : undefined,
        before(appointments, appointments.createdAt, appointments.id, cursor, appointments.companyId, companyId),
      ),
    )
    .orderBy(desc(appointments.createdAt), desc(appointments.id))
    .limit(limit + 1);
}

export async function findApiEvents(db: Db, { companyId, kind, numbers }: { companyId: string; kind: string; numbers: string[] }) {
  if (!numbers.length) return [];
  return db
    .select()
    .from(customerEvents)
    .where(and(eq(customerEvents.companyId, companyId), eq(customerEvents.kind, kind), inArray(customerEvents.number, numbers)));
}

export async function findApiEvent(db: Db, { companyId, eventId }: { companyId: string; eventId: string }) {
  const [row] = await db.select().from(customerEvents).where(and(eq(customerEvents.companyId, companyId), eq(customerEvents.id, eventId)));
  return row;
}

export async function listApiEvents(db: Db, { companyId, kind, customerId, number, limit, cursor }: Page & { companyId: string; kind: string; customerId?: string; number?: string }) {
  return db
    .select()
    .from(customerEvents)
    .where(
      and(
        eq(customerEvents.companyId, companyId),
        eq(customerEvents.kind, kind),
        customerId ? eq(customerEvents.customerId, customerId) : undefined,
        number ? eq(customerEvents.number, number) : undefined,
        before(customerEvents, customerEvents.createdAt, customerEvents.id, cursor, customerEvents.companyId, companyId),
      ),
    )
    .orderBy(desc(customerEvents.createdAt), desc(customerEvents.id))
    .limit(limit + 1);
}

export async function listApiUsers(db: Db, { companyId, externalId, limit, cursor }: Page & { companyId: string; externalId?: string }) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role, externalId: memberships.externalId, active: memberships.active, createdAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.companyId, companyId), externalId ? eq(memberships.externalId, externalId) : undefined, before(memberships, memberships.createdAt, memberships.userId, cursor, memberships.companyId, companyId)))
    .orderBy(desc(memberships.createdAt), desc(memberships.userId))
    .limit(limit + 1);
}

export async function findApiConversation(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  const [row] = await db.select().from(conversations).where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)));
  return row;
}

export async function listApiConversations(
  db: Db,
  { companyId, customerId, status, limit, cursor }: Page & { companyId: string; customerId?: string; status?: "open" | "closed" },
) {
  return db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.companyId, companyId),
        customerId ? eq(conversations.customerId, customerId) : undefined,
        status ? eq(conversations.status, status) : undefined,
        before(conversations, conversations.createdAt, conversations.id, cursor, conversations.companyId, companyId),
      ),
    )
    .orderBy(desc(conversations.createdAt), desc(conversations.id))
    .limit(limit + 1);
}

export async function listApiMessages(db: Db, { companyId, conversationId, limit, cursor }: Page & { companyId: string; conversationId: string }) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.conversationId, conversationId), before(messages, messages.createdAt, messages.id, cursor, messages.companyId, companyId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit + 1);
}
