import { createHash } from "node:crypto";
import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey, hitRateWindow, releaseIdempotencyKey, touchApiKey } from "@/db/queries/api";
import type { ApiScope } from "@/db/schema";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { readLimitedBody } from "@/lib/http/body-limit";
import { authenticateApiKey } from "./keys";
import { ApiProblem, describe, problemResponse, zodProblem } from "./problem";

/** What every API handler knows: the company comes from the key, never from the request. */
export type ApiContext = { db: Db; companyId: string; keyId: string; request: Request };

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type AnyObject = z.ZodType<Record<string, unknown>>;

export type ApiRouteSpec = {
  method: Method;
  /** The OpenAPI path under /api/v1, e.g. "/customers/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  params?: AnyObject;
  query?: AnyObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** The success status (200 unless said). */
  status?: number;
};

/** A handler's answer with a status other than the route's usual one. */
export class ApiReply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}

type Handler<S extends ApiRouteSpec> = (
  input: {
    params: S["params"] extends z.ZodType ? z.output<S["params"]> : Record<string, never>;
    query: S["query"] extends z.ZodType ? z.output<S["query"]> : Record<string, never>;
    body: S["body"] extends z.ZodType ? z.output<S["body"]> : undefined;
  },
  context: ApiContext,
) => Promise<z.input<S["response"]> | ApiReply<z.input<S["response"]>>>;

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type ApiRoute = RouteHandler & { spec: ApiRouteSpec };

/** Limits of every route; tests may swap them. */
export const apiSettings = {
  /** Requests per key per minute (API_RATE_LIMIT_PER_MINUTE). */
  rateLimit: () => env().API_RATE_LIMIT_PER_MINUTE,
  /** The largest request body (a batch of 1,000 customers is well under it). */
  bodyLimitBytes: () => 8 * 1024 * 1024,
};
const WINDOW_MS = 60_000;

function unauthorized(reason: string) {
  const detail: Record<string, string> = {
    missing: "Send your API key as `Authorization: Bearer pk_live_…`.",
    malformed: "The Authorization header must read `Bearer <key>`.",
    unknown: "This API key is not valid.",
    revoked: "This API key was revoked.",
  };
  return new ApiProblem(401, "Unauthorized", detail[reason], { code: reason === "revoked" ? "key_revoked" : "unauthorized", headers: { "www-authenticate": 'Bearer realm="parley"' } });
}

async function rateLimit(db: Db, keyId: string, now = Date.now()) {
  const windowStart = new Date(Math.floor(now / WINDOW_MS) * WINDOW_MS);
  const count = await hitRateWindow(db, { keyId, windowStart });
  const limit = apiSettings.rateLimit();
  const reset = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
  const headers = { "ratelimit-limit": String(limit), "ratelimit-remaining": String(Math.max(0, limit - count)), "ratelimit-reset": String(reset) };
  if (count > limit) {
    throw new ApiProblem(429, "Too many requests", `This key may make ${limit} requests a minute; try again in ${reset} s.`, { code: "rate_limited", headers: { ...headers, "retry-after": String(reset) } });
  }
  return headers;
}

function parseQuery(url: URL, schema: AnyObject | undefined) {
  if (!schema) return {};
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = values.length > 1 ? values : values[0]!;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw zodProblem(parsed.error, ["query"]);
  return parsed.data;
}

async function readJson(request: Request) {
  const body = await readLimitedBody(request, apiSettings.bodyLimitBytes());
  if (!body.ok) throw new ApiProblem(413, "Payload too large", `The body must be at most ${apiSettings.bodyLimitBytes()} bytes.`);
  if (body.text.trim() === "") return { text: "", value: undefined };
  const type = request.headers.get("content-type") ?? "application/json";
  if (!/^application\/(.+\+)?json/i.test(type)) throw new ApiProblem(415, "Unsupported media type", "Send the body as application/json.");
  try {
    return { text: body.text, value: JSON.parse(body.text) as unknown };
  } catch {
    throw new ApiProblem(400, "Malformed JSON", "The body is not valid JSON.", { code: "malformed_json" });
  }
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string>) {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: status === 204 ? headers : { "content-type": type, ...headers } });
}

function asProblem(error: unknown) {
  if (error instanceof ApiProblem) return error;
  if (error instanceof NotFoundError) return new ApiProblem(404, "Not found", "No such resource.");
  if (error instanceof SafeError) return new ApiProblem(422, "Unprocessable", describe(error.message, error.values), { code: error.message });
  console.error("[api] failed", error);
  return new ApiProblem(500, "Internal error", "Something went wrong on our side; retry later.");
}

/**
 * An Integration API route (IMPL-2): Bearer key → scope → rate limit → zod validation →
 * Idempotency-Key (POST) → handler → response validated by the same schema the OpenAPI
 * document shows. Problems are RFC 9457 `application/problem+json`.
 */
export function defineApiRoute<S extends ApiRouteSpec>(spec: S, handler: Handler<S>): ApiRoute {
  const route = async (request: Request, routeContext: { params: Promise<Record<string, string>> }) => {
    let headers: Record<string, string> = {};
    let claimed: { companyId: string; id: string } | undefined;
    const db = await getDb();
    try {
      const auth = await authenticateApiKey(db, request.headers.get("authorization"));
      if (!auth.ok) throw unauthorized(auth.reason);
      const { key } = auth;
      if (!key.scopes.includes(spec.scope)) throw new ApiProblem(403, "Forbidden", `This key lacks the "${spec.scope}" scope.`, { code: "insufficient_scope" });
      headers = await rateLimit(db, key.id);
      await touchApiKey(db, { companyId: key.companyId, keyId: key.id });

      const rawParams = (await routeContext?.params) ?? {};
      let params: Record<string, unknown> = {};
      if (spec.params) {
        const parsed = spec.params.safeParse(rawParams);
        if (!parsed.success) throw new ApiProblem(404, "Not found", "No such resource.");
        params = parsed.data;
      }
      const query = parseQuery(new URL(request.url), spec.query);
      let body: unknown;
      let bodyText = "";
      if (spec.method !== "GET") {
        const read = await readJson(request);
        bodyText = read.text;
        if (spec.body) {
          const parsed = spec.body.safeParse(read.value ?? {});
          if (!parsed.success) throw zodProblem(parsed.error);
          body = parsed.data;
        }
      }

      const idempotencyKey = spec.method === "POST" ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null) {
        if (idempotencyKey.length < 1 || idempotencyKey.length > 255) throw new ApiProblem(400, "Bad Idempotency-Key", "An Idempotency-Key is 1 to 255 characters.");
        const url = new URL(request.url);
        const requestHash = createHash("sha256").update(`${spec.method} ${url.pathname}${url.search}\n${bodyText}`).digest("hex");
        const scope = { companyId: key.companyId, keyId: key.id, key: idempotencyKey };
        const mine = await claimIdempotencyKey(db, { ...scope, requestHash });
        if (mine) claimed = { companyId: key.companyId, id: mine.id };
        else {
          const earlier = await findIdempotencyKey(db, scope);
          if (earlier && earlier.requestHash !== requestHash) {
            throw new ApiProblem(422, "Idempotency-Key reused", "This Idempotency-Key was used with another request in the last 24 hours.", { code: "idempotency_key_reused" });
          }
          if (!earlier || earlier.status === null) throw new ApiProblem(409, "Request in progress", "A request with this Idempotency-Key is still running; retry in a moment.", { code: "idempotency_in_progress" });
          return jsonResponse(earlier.status, earlier.body, { ...headers, "idempotent-replayed": "true" });
        }
      }

      const result = await handler({ params, query, body } as Parameters<Handler<S>>[0], { db, companyId: key.companyId, keyId: key.id, request });
      const status = result instanceof ApiReply ? result.status : (spec.status ?? 200);
      const output = spec.response.parse(result instanceof ApiReply ? result.body : result);
      if (claimed) await completeIdempotencyKey(db, { ...claimed, status, body: output ?? null });
      return jsonResponse(status, output, headers);
    } catch (error) {
      const problem = asProblem(error);
      if (claimed) {
        // A refusal is the answer to replay; a failure on our side may be retried.
        if (problem.status < 500) {
          const response = problemResponse(problem);
          await completeIdempotencyKey(db, { ...claimed, status: problem.status, body: await response.clone().json() }).catch(() => {});
        } else await releaseIdempotencyKey(db, claimed).catch(() => {});
      }
      return problemResponse(problem, headers);
    }
  };
  return Object.assign(route, { spec });
}
