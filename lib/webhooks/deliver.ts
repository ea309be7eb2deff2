import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { Db } from "@/db/client";
import { listCompanyUsers } from "@/db/queries/users";
import {
  claimDueDeliveries,
  deliveryContext,
  disableWebhookEndpoint,
  finishDeliveryAttempt,
  insertWebhookAttempt,
  pruneWebhookEvents,
  recordEndpointOutcome,
  type ClaimedDelivery,
} from "@/db/queries/webhooks";
import { can } from "@/lib/auth/permissions";
import { notify } from "@/lib/notifications/notify";
import { assertPublicUrl, ForbiddenAddressError, guardedLookup, privateAddressesAllowed } from "./ssrf";
import { DISABLE_AFTER_FAILING_MS, EXCERPT_LENGTH, LEASE_SECONDS, LOG_RETENTION_DAYS, MAX_ATTEMPTS, nextAttemptAt, REQUEST_TIMEOUT_MS } from "./schedule";
import { signatureHeaders } from "./signing";

export type DeliveryOptions = {
  /** Overrides WEBHOOKS_ALLOW_PRIVATE (tests). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  /** Deliveries claimed per round, and sent at once. */
  batchSize?: number;
  concurrency?: number;
  /** Stop claiming new rounds after this long (the sweep comes back). */
  budgetMs?: number;
};

type AttemptResult = { ok: boolean; status: number | null; excerpt: string | null; error: string | null; durationMs: number };

/** The body an endpoint receives: `{ id, type, created_at, data }`. */
export function webhookBody(event: { id: string; type: string; createdAt: Date; payload: Record<string, unknown> }) {
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt.toISOString(), data: event.payload });
}

/**
 * One POST, following no redirect, given up after the timeout. The connection's DNS
 * lookup refuses forbidden addresses (a host may have been rebound since it was saved).
 */
export async function postWebhook(
  target: string,
  { body, headers, timeoutMs = REQUEST_TIMEOUT_MS, allowPrivate = privateAddressesAllowed() }: { body: string; headers: Record<string, string>; timeoutMs?: number; allowPrivate?: boolean },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  try {
    // A literal address is not looked up: check it here.
    if (isIP(url.hostname.replace(/^\[(.*)\]$/, "$1"))) await assertPublicUrl(url, allowPrivate);
  } catch (error) {
    return { ok: false, status: null, excerpt: null, error: (error as Error).message, durationMs: elapsed() };
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Parley-Webhooks/1", "content-length": Buffer.byteLength(body), ...headers },
        lookup: guardedLookup(allowPrivate) as never,
        agent: false,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < EXCERPT_LENGTH) text += chunk;
        });
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          finish({ ok: status >= 200 && status < 300, status, excerpt: text.slice(0, EXCERPT_LENGTH), error: null });
        });
        response.on("error", (error) => finish({ ok: false, status: response.statusCode ?? null, excerpt: text.slice(0, EXCERPT_LENGTH), error: error.message }));
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, excerpt: null, error: `timeout after ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => finish({ ok: false, status: null, excerpt: null, error: error instanceof ForbiddenAddressError ? error.message : error.message }));
    request.end(body);
  });
}

/** One attempt of a claimed delivery, its outcome stored; an endpoint failing for days is disabled. */
async function attemptDelivery(db: Db, claimed: ClaimedDelivery, now: Date, options: DeliveryOptions) {
  const context = await deliveryContext(db, { companyId: claimed.companyId, deliveryId: claimed.id });
  if (!context) return "gone" as const;
  const { event, endpoint } = context;
  const body = webhookBody(event);
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) secrets.push(endpoint.previousSecret);
  const headers = signatureHeaders({ messageId: event.id, timestamp: new Date(), body }, secrets);
  const result = await postWebhook(endpoint.url, { body, headers, timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivate });
  const attempts = claimed.attempts + 1;
  const retryAt = result.ok ? null : attempts >= MAX_ATTEMPTS ? null : nextAttemptAt(attempts, now);
  const status = result.ok ? "succeeded" : retryAt ? "failed" : "abandoned";
  await insertWebhookAttempt(db, {
    companyId: claimed.companyId,
    deliveryId: claimed.id,
    at: now,
    requestBody: body.slice(0, EXCERPT_LENGTH),
    responseStatus: result.status,
    responseExcerpt: result.excerpt,
    durationMs: result.durationMs,
    error: result.error,
  });
  await finishDeliveryAttempt(db, {
    companyId: claimed.companyId,
    deliveryId: claimed.id,
    status,
    nextAttemptAt: retryAt,
    now,
    responseStatus: result.status,
    responseExcerpt: result.excerpt,
    durationMs: result.durationMs,
    error: result.error,
  });
  // Only a change of state writes the endpoint row (a busy endpoint is not a hot row).
  if (result.ok ? endpoint.failingSince !== null : endpoint.failingSince === null) {
    await recordEndpointOutcome(db, { companyId: claimed.companyId, endpointId: endpoint.id, ok: result.ok, now });
  } else if (!result.ok && endpoint.failingSince && now.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
    await disableFailingEndpoint(db, { companyId: claimed.companyId, endpointId: endpoint.id, url: endpoint.url, since: endpoint.failingSince, now });
  }
  return status;
}

/** Disables the endpoint once and tells the company's administrators. */
async function disableFailingEndpoint(db: Db, { companyId, endpointId, url, since, now }: { companyId: string; endpointId: string; url: string; since: Date; now: Date }) {
  const disabled = await disableWebhookEndpoint(db, { companyId, endpointId, reason: "failing", now });
  if (!disabled) return;
  const admins = (await listCompanyUsers(db, { companyId })).filter((user) => can(user, "manageWebhooks")).map((user) => user.id);
  await notify(db, {
    companyId,
    userIds: admins,
    kind: "webhooks.endpoint_disabled",
    data: { endpointId, url, failingSince: since.toISOString() },
    link: `/company/webhooks?endpoint=${endpointId}`,
  });
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await run(item).catch((error: unknown) => console.error("[webhooks] delivery attempt failed", error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The delivery worker (sweep, Inngest function, in-process nudge): claims due deliveries
 * with a lease and sends them, round after round until none is due or the budget is spent.
 * A worker that stops mid-attempt leaves its claims to expire and be taken over: at least once.
 */
export async function deliverDueWebhooks(db: Db, now?: Date, options: DeliveryOptions = {}) {
  const { batchSize = 100, concurrency = 16, budgetMs = 50_000 } = options;
  const started = Date.now();
  const counts = { succeeded: 0, failed: 0, abandoned: 0 };
  for (;;) {
    // Without a given clock each round reads the time again (new events keep arriving).
    const at = now ?? new Date();
    const claimed = await claimDueDeliveries(db, { now: at, limit: batchSize, leaseSeconds: LEASE_SECONDS });
    if (!claimed.length) break;
    await inParallel(claimed, concurrency, async (delivery) => {
      const status = await attemptDelivery(db, delivery, at, options);
      if (status !== "gone") counts[status]++;
    });
    if (Date.now() - started > budgetMs) break;
  }
  return counts;
}

/** The sweep's body: due deliveries sent, then the log trimmed to its retention. */
export async function runWebhookSweep(db: Db, now: Date) {
  const delivered = await deliverDueWebhooks(db, now);
  const pruned = await pruneWebhookEvents(db, { before: new Date(now.getTime() - LOG_RETENTION_DAYS * 24 * 3600 * 1000) });
  return { ...delivered, pruned };
}
