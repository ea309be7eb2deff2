import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consentEvents, customers, optOutFlags, users, type ConsentKind, type ConsentScope, type ConsentSource, type OptOutFlagResolution } from "@/db/schema";

export type ConsentEventValues = {
  companyId: string;
  customerId: string;
  kind: ConsentKind;
  scope: ConsentScope;
  source: ConsentSource;
  keyword?: string | null;
  messageId?: string | null;
  staffUserId?: string | null;
  /** When it happened (the text's arrival); now by default. */
  at?: Date;
};

/** One opt-in or opt-out, in the caller's transaction. */
export async function recordConsentEvent(db: Db, { at, ...values }: ConsentEventValues) {
  const [row] = await db
    .insert(consentEvents)
    .values({ ...values, ...(at ? { createdAt: at } : {}) })
    .returning();
  return row!;
}

/** A customer's consent history, newest first, with the staff member's name. */
export async function listConsentEvents(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  return db
    .select({
      id: consentEvents.id,
      kind: consentEvents.kind,
      scope: consentEvents.scope,
      source: consentEvents.source,
      keyword: consentEvents.keyword,
      messageId: consentEvents.messageId,
      staffUserId: consentEvents.staffUserId,
      staffName: users.name,
      createdAt: consentEvents.createdAt,
    })
    .from(consentEvents)
    .leftJoin(users, eq(users.id, consentEvents.staffUserId))
    .where(and(eq(consentEvents.companyId, companyId), eq(consentEvents.customerId, customerId)))
    .orderBy(desc(consentEvents.createdAt), desc(consentEvents.id));
}

/** Whether this inbound message already changed the customer's consent (a retried message). */
export async function hasConsentEventForMessage(db: Db, { companyId, customerId, messageId }: { companyId: string; customerId: string; messageId: string }) {
  const [row] = await db
    .select({ id: consentEvents.id })
    .from(consentEvents)
    .where(and(eq(consentEvents.companyId, companyId), eq(consentEvents.customerId, customerId), eq(consentEvents.messageId, messageId)))
    .limit(1);
  return Boolean(row);
}

export type ConsentEventRow = Awaited<ReturnType<typeof listConsentEvents>>[number];

/** The customer's STOP; true only on the transition, so one confirmation is sent. */
export async function markCustomerOptedOut(db: Db, { companyId, customerId, at }: { companyId: string; customerId: string; at: Date }) {
  const rows = await db
    .update(customers)
    .set({ optedOutAt: at })
    .where(and(eq(customers.companyId, companyId), eq(customers.id, customerId), isNull(customers.optedOutAt)))
    .returning({ id: customers.id });
  return rows.length > 0;
}

/** The customer's START undoes their STOP (and subscribes them to general texts again). */
export async function markCustomerOptedIn(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  const rows = await db
    .update(customers)
    .set({ optedOutAt: null, subscribedGeneral: true })
    .where(and(eq(customers.companyId, companyId), eq(customers.id, customerId), isNotNull(customers.optedOutAt)))
    .returning({ id: customers.id });
  return rows.length > 0;
}

/** Flags a text as a possible opt-out request; a retried message flags once. */
export async function insertOptOutFlag(
  db: Db,
  values: { companyId: string; customerId: string; conversationId: string; messageId: string; excerpt: string; language: "en" | "fr" },
) {
  const [row] = await db.insert(optOutFlags).values(values).onConflictDoNothing().returning();
  return row;
}

/** The possible opt-out requests of a conversation that no one has handled yet. */
export async function listOpenOptOutFlags(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  return db
    .select({
      id: optOutFlags.id,
      messageId: optOutFlags.messageId,
      customerId: optOutFlags.customerId,
      excerpt: optOutFlags.excerpt,
      language: optOutFlags.language,
      createdAt: optOutFlags.createdAt,
    })
    .from(optOutFlags)
    .where(and(eq(optOutFlags.companyId, companyId), eq(optOutFlags.conversationId, conversationId), isNull(optOutFlags.resolvedAt)))
    .orderBy(optOutFlags.createdAt);
}

/** Closes an open flag; undefined when it is not this company's or was already handled. */
export async function resolveOptOutFlag(
  db: Db,
  { companyId, flagId, resolution, userId, at }: { companyId: string; flagId: string; resolution: OptOutFlagResolution; userId: string | null; at: Date },
) {
  const [row] = await db
    .update(optOutFlags)
    .set({ resolvedAt: at, resolution, resolvedByUserId: userId })
    .where(and(eq(optOutFlags.companyId, companyId), eq(optOutFlags.id, flagId), isNull(optOutFlags.resolvedAt)))
    .returning();
  return row;
}

/** A STOP answers every open question about the customer's wish. */
export async function resolveCustomerOptOutFlags(db: Db, { companyId, customerId, at }: { companyId: string; customerId: string; at: Date }) {
  await db
    .update(optOutFlags)
    .set({ resolvedAt: at, resolution: "unsubscribed" })
    .where(and(eq(optOutFlags.companyId, companyId), eq(optOutFlags.customerId, customerId), isNull(optOutFlags.resolvedAt)));
}

/** A merge keeps the absorbed profile's consent proof and open flags on the surviving one. */
export async function moveConsentRecords(db: Db, { companyId, fromCustomerId, toCustomerId }: { companyId: string; fromCustomerId: string; toCustomerId: string }) {
  await db.update(consentEvents).set({ customerId: toCustomerId }).where(and(eq(consentEvents.companyId, companyId), eq(consentEvents.customerId, fromCustomerId)));
  await db.update(optOutFlags).set({ customerId: toCustomerId }).where(and(eq(optOutFlags.companyId, companyId), eq(optOutFlags.customerId, fromCustomerId)));
}
