import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";

export type WebhookEndpointStatus = "active" | "disabled";
/** pending: waits its turn; delivering: leased by a worker; failed: will be retried; abandoned: retries exhausted. */
export type WebhookDeliveryStatus = "pending" | "delivering" | "succeeded" | "failed" | "abandoned";

/** A URL of a company's system that hears about the event types it chose (IMPL-2). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    companyId: companyRef(),
    url: text().notNull(),
    description: text().notNull().default(""),
    eventTypes: jsonb().$type<string[]>().notNull().default([]),
    /** Standard Webhooks secret, `whsec_<base64>`. */
    secret: text().notNull(),
    /** After a roll the old secret still signs (a second signature) until it expires. */
    previousSecret: text(),
    previousSecretExpiresAt: at(),
    status: text().$type<WebhookEndpointStatus>().notNull().default("active"),
    disabledAt: at(),
    disabledReason: text(),
    /** The first failed attempt of the current run of failures; cleared by a success. */
    failingSince: at(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_company_idx").on(t.companyId, t.createdAt)],
);

/** The outbox: one row per event, written in the transaction of the change it reports. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    companyId: companyRef(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Deliveries of one customer's events reach an endpoint in order. */
    customerId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_events_company_idx").on(t.companyId, t.createdAt), index("webhook_events_created_idx").on(t.createdAt)],
);

/** One event for one endpoint, moved forward by the delivery worker with conditional updates. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    companyId: companyRef(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: uuid()
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    /** Copied from the event, for the per-customer ordering check. */
    customerId: uuid(),
    eventCreatedAt: at().notNull().defaultNow(),
    status: text().$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: at().notNull().defaultNow(),
    /** While delivering: a worker holds it until then; past it, another worker takes over. */
    leaseUntil: at(),
    lastAttemptAt: at(),
    responseStatus: integer(),
    responseExcerpt: text(),
    durationMs: integer(),
    error: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_event_idx").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_customer_idx").on(t.endpointId, t.customerId, t.eventCreatedAt),
  ],
);

/** Every HTTP attempt of a delivery, for the log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    companyId: companyRef(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: at().notNull().defaultNow(),
    requestBody: text().notNull().default(""),
    responseStatus: integer(),
    responseExcerpt: text(),
    durationMs: integer(),
    error: text(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.at)],
);
