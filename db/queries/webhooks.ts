import "server-only";
import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents, type WebhookDeliveryStatus } from "@/db/schema";

type Scope = { companyId: string };

// Due from the millisecond it was recorded: workers compare with JavaScript dates, which stop at milliseconds.
const dueFromThisMillisecond = sql`date_trunc('milliseconds', now())`;

// ——— endpoints ———

export async function insertWebhookEndpoint(
  db: Db,
  { companyId, url, description, eventTypes, secret }: Scope & { url: string; description: string; eventTypes: string[]; secret: string },
) {
  const [row] = await db.insert(webhookEndpoints).values({ companyId, url, description, eventTypes, secret }).returning();
  return row!;
}

export async function listWebhookEndpoints(db: Db, { companyId }: Scope) {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.companyId, companyId)).orderBy(desc(webhookEndpoints.createdAt));
}

export async function findWebhookEndpoint(db: Db, { companyId, endpointId }: Scope & { endpointId: string }) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, endpointId)));
  return row;
}

export async function updateWebhookEndpoint(
  db: Db,
  { companyId, endpointId, values }: Scope & { endpointId: string; values: Partial<Pick<typeof webhookEndpoints.$inferInsert, "url" | "description" | "eventTypes">> },
) {
  const [row] = await db
    .update(webhookEndpoints)
    .set(values)
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, endpointId)))
    .returning();
  return row;
}

export async function deleteWebhookEndpoint(db: Db, { companyId, endpointId }: Scope & { endpointId: string }) {
  const [row] = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, endpointId)))
    .returning({ id: webhookEndpoints.id });
  return row;
}

/** A new secret; the current one keeps signing (second signature) until `previousExpiresAt`. */
export async function rollWebhookSecret(
  db: Db,
  { companyId, endpointId, secret, previousExpiresAt }: Scope & { endpointId: string; secret: string; previousExpiresAt: Date },
) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ previousSecret: sql`${webhookEndpoints.secret}`, previousSecretExpiresAt: previousExpiresAt, secret })
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, endpointId)))
    .returning();
  return row;
}

/** Disables an active endpoint; returns it only when this call disabled it (so admins hear once). */
export async function disableWebhookEndpoint(db: Db, { companyId, endpointId, reason, now }: Scope & { endpointId: string; reason: string; now: Date }) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ status: "disabled", disabledAt: now, disabledReason: reason })
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.status, "active")))
    .returning();
  return row;
}

export async function enableWebhookEndpoint(db: Db, { companyId, endpointId }: Scope & { endpointId: string }) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ status: "active", disabledAt: null, disabledReason: null, failingSince: null })
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, endpointId)))
    .returning();
  return row;
}

/** After an attempt: a success ends the run of failures, a failure starts one if none is running. */
export async function recordEndpointOutcome(db: Db, { companyId, endpointId, ok, now }: Scope & { endpointId: string; ok: boolean; now: Date }) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ failingSince: ok ? null : sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, endpointId)))
    .returning();
  return row;
}

// ——— events (the outbox) ———

/**
 * The event row and one delivery per active endpoint of the company subscribed to its type
 * (or only the named endpoint, for a test event), in one statement of the caller's
 * transaction. A company nobody listens to gets no row at all.
 */
export async function insertWebhookEvent(
  db: Db,
  { companyId, type, payload, customerId, endpointId }: Scope & { type: string; payload: Record<string, unknown>; customerId?: string | null; endpointId?: string },
) {
  const subscribed = endpointId
    ? sql`${webhookEndpoints.companyId} = ${companyId} and ${webhookEndpoints.id} = ${endpointId}`
    : sql`${webhookEndpoints.companyId} = ${companyId} and ${webhookEndpoints.status} = 'active' and ${webhookEndpoints.eventTypes} @> ${JSON.stringify([type])}::jsonb`;
  const customer = sql`${customerId ?? null}::uuid`;
  const rows = await queryRows<{ event_id: string; event_created_at: string | Date }>(db, sql`
    with ev as (
      insert into ${webhookEvents} (company_id, type, payload, customer_id)
      select ${companyId}, ${type}, ${JSON.stringify(payload)}::jsonb, ${customer}
      where exists (select 1 from ${webhookEndpoints} where ${subscribed})
      returning id, created_at)
    insert into ${webhookDeliveries} (company_id, endpoint_id, event_id, customer_id, event_created_at, next_attempt_at)
    select ${webhookEndpoints.companyId}, ${webhookEndpoints.id}, ev.id, ${customer}, ev.created_at, ${dueFromThisMillisecond}
    from ${webhookEndpoints}, ev
    where ${subscribed}
    on conflict do nothing
    returning event_id, event_created_at`);
  const event = rows[0] ? { id: rows[0].event_id, createdAt: new Date(rows[0].event_created_at) } : null;
  return { event, deliveries: rows.length };
}

/**
 * Many events of one type in one statement (an import's created customers): each with its
 * deliveries, nothing at all when no active endpoint listens to the type.
 */
export async function insertWebhookEvents(
  db: Db,
  { companyId, type, events }: Scope & { type: string; events: { payload: Record<string, unknown>; customerId: string | null }[] },
) {
  if (events.length === 0) return { deliveries: 0 };
  const subscribed = sql`${webhookEndpoints.companyId} = ${companyId} and ${webhookEndpoints.status} = 'active' and ${webhookEndpoints.eventTypes} @> ${JSON.stringify([type])}::jsonb`;
  const rows = await queryRows<{ event_id: string }>(db, sql`
    with ev as (
      insert into ${webhookEvents} (company_id, type, payload, customer_id)
      select ${companyId}, ${type}, item->'payload', nullif(item->>'customerId', '')::uuid
      from jsonb_array_elements(${JSON.stringify(events)}::jsonb) as item
      where exists (select 1 from ${webhookEndpoints} where ${subscribed})
      returning id, created_at, customer_id)
    insert into ${webhookDeliveries} (company_id, endpoint_id, event_id, customer_id, event_created_at, next_attempt_at)
    select ${webhookEndpoints.companyId}, ${webhookEndpoints.id}, ev.id, ev.customer_id, ev.created_at, ${dueFromThisMillisecond}
    from ${webhookEndpoints}, ev
    where ${subscribed}
    on conflict do nothing
    returning event_id`);
  return { deliveries: rows.length };
}

// ——— deliveries ———

export type ClaimedDelivery = {
  id: string;
  companyId: string;
  endpointId: string;
  eventId: string;
  attempts: number;
};

/**
 * Leases up to `limit` due deliveries for this worker: pending or retrying ones whose time
 * came, and delivering ones whose worker's lease ran out (it stopped mid-attempt). A
 * delivery waits while an earlier event of the same customer for the same endpoint is not
 * finished, so one customer's events arrive in order. By id alone: the worker serves every company.
 */
export async function claimDueDeliveries(db: Db, { now, limit, leaseSeconds }: { now: Date; limit: number; leaseSeconds: number }) {
  const at = now.toISOString();
  const rows = await queryRows<{ id: string; company_id: string; endpoint_id: string; event_id: string; attempts: number; due: string }>(db, sql`
    update ${webhookDeliveries} d
    set status = 'delivering', lease_until = ${at}::timestamptz + make_interval(secs => ${leaseSeconds})
    where d.id in (
      select c.id from ${webhookDeliveries} c
      join ${webhookEndpoints} e on e.id = c.endpoint_id and e.status = 'active'
      where ((c.status in ('pending', 'failed') and c.next_attempt_at <= ${at}::timestamptz)
          or (c.status = 'delivering' and c.lease_until < ${at}::timestamptz))
        and (c.customer_id is null or not exists (
          select 1 from ${webhookDeliveries} p
          where p.endpoint_id = c.endpoint_id and p.customer_id = c.customer_id
            and p.status in ('pending', 'delivering', 'failed')
            and (p.event_created_at, p.id) < (c.event_created_at, c.id)))
      order by c.next_attempt_at, c.event_created_at, c.id
      limit ${limit}
      for update of c skip locked)
    and (d.status in ('pending', 'failed') or (d.status = 'delivering' and d.lease_until < ${at}::timestamptz))
    returning d.id, d.company_id, d.endpoint_id, d.event_id, d.attempts,
      to_char(d.next_attempt_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || to_char(d.event_created_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || d.id::text as due`);
  // UPDATE … RETURNING keeps no order: sent oldest first.
  return rows
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .map(
    (row): ClaimedDelivery => ({ id: row.id, companyId: row.company_id, endpointId: row.endpoint_id, eventId: row.event_id, attempts: Number(row.attempts) }),
  );
}

/** What an attempt needs: the event and its endpoint, read again after the claim. */
export async function deliveryContext(db: Db, { companyId, deliveryId }: Scope & { deliveryId: string }) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, event: webhookEvents, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.companyId, companyId), eq(webhookDeliveries.id, deliveryId)));
  return row;
}

export async function insertWebhookAttempt(db: Db, values: Omit<typeof webhookAttempts.$inferInsert, "id">) {
  await db.insert(webhookAttempts).values(values);
}

/** Stores an attempt's outcome on a delivery this worker still holds. */
export async function finishDeliveryAttempt(
  db: Db,
  {
    companyId,
    deliveryId,
    status,
    nextAttemptAt,
    now,
    responseStatus,
    responseExcerpt,
    durationMs,
    error,
  }: Scope & {
    deliveryId: string;
    status: Exclude<WebhookDeliveryStatus, "pending" | "delivering">;
    nextAttemptAt: Date | null;
    now: Date;
    responseStatus: number | null;
    responseExcerpt: string | null;
    durationMs: number;
    error: string | null;
  },
) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      ...(nextAttemptAt ? { nextAttemptAt } : {}),
      leaseUntil: null,
      lastAttemptAt: now,
      responseStatus,
      responseExcerpt,
      durationMs,
      error,
    })
    .where(and(eq(webhookDeliveries.companyId, companyId), eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "delivering")))
    .returning({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts });
  return row;
}

export async function listEndpointDeliveries(db: Db, { companyId, endpointId, limit = 50 }: Scope & { endpointId: string; limit?: number }) {
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      type: webhookEvents.type,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      responseStatus: webhookDeliveries.responseStatus,
      responseExcerpt: webhookDeliveries.responseExcerpt,
      durationMs: webhookDeliveries.durationMs,
      error: webhookDeliveries.error,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.companyId, companyId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

export async function listDeliveryAttempts(db: Db, { companyId, deliveryIds }: Scope & { deliveryIds: string[] }) {
  if (!deliveryIds.length) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.companyId, companyId), inArray(webhookAttempts.deliveryId, deliveryIds)))
    .orderBy(desc(webhookAttempts.at));
}

/** Sends a finished (or failing) delivery again from its first attempt's schedule. */
export async function requeueDelivery(db: Db, { companyId, deliveryId, now }: Scope & { deliveryId: string; now: Date }) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null })
    .where(and(eq(webhookDeliveries.companyId, companyId), eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, ["succeeded", "failed", "abandoned"])))
    .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
  return row;
}

/** Replays every finished delivery of an endpoint whose event happened in [from, to]. */
export async function requeueDeliveriesBetween(db: Db, { companyId, endpointId, from, to, now }: Scope & { endpointId: string; from: Date; to: Date; now: Date }) {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null })
    .where(
      and(
        eq(webhookDeliveries.companyId, companyId),
        eq(webhookDeliveries.endpointId, endpointId),
        gte(webhookDeliveries.eventCreatedAt, from),
        lte(webhookDeliveries.eventCreatedAt, to),
        inArray(webhookDeliveries.status, ["succeeded", "failed", "abandoned"]),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

/** For tests and the bench: a delivery's row. */
export async function findWebhookDelivery(db: Db, { companyId, deliveryId }: Scope & { deliveryId: string }) {
  const [row] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.companyId, companyId), eq(webhookDeliveries.id, deliveryId)));
  return row;
}

export async function listEventDeliveries(db: Db, { companyId, eventId }: Scope & { eventId: string }) {
  return db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.companyId, companyId), eq(webhookDeliveries.eventId, eventId)));
}

/**
 * The log is kept for `days`: older events go, with their deliveries and attempts
 * (cascade), a bounded batch per call. By date alone: the sweep serves every company.
 */
export async function pruneWebhookEvents(db: Db, { before, limit = 1000 }: { before: Date; limit?: number }) {
  const rows = await queryRows<{ id: string }>(db, sql`
    delete from ${webhookEvents} where id in (
      select id from ${webhookEvents} where created_at < ${before.toISOString()}::timestamptz limit ${limit})
    returning id`);
  return rows.length;
}
