import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";

export type ApiScope = "read" | "write" | "send";

/** Keys a dealer management system uses to call the integration API (IMPL-2): shown once, stored as the sha256 of the full key. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    companyId: companyRef(),
    name: text().notNull(),
    /** The first 12 characters (`pk_live_AbC1`), to recognise a key in logs and lists. */
    prefix: text().notNull(),
    keyHash: text().notNull(),
    scopes: jsonb().$type<ApiScope[]>().notNull().default([]),
    createdByUserId: uuid(),
    lastUsedAt: at(),
    revokedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_key_hash_idx").on(t.keyHash), index("api_keys_company_idx").on(t.companyId, t.createdAt)],
);

/** The first answer to a POST with an Idempotency-Key, replayed for 24 hours. */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    id: id(),
    companyId: companyRef(),
    keyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text().notNull(),
    requestHash: text().notNull(),
    /** Null while the first request is still running. */
    status: integer(),
    body: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_idempotency_key_idx").on(t.keyId, t.key), index("api_idempotency_created_idx").on(t.createdAt)],
);

/** Requests per key per fixed window (rate limit). */
export const apiRateWindows = pgTable(
  "api_rate_windows",
  {
    keyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] }), index("api_rate_windows_start_idx").on(t.windowStart)],
);
