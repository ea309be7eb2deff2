import "server-only";
import { z } from "zod";
import * as resources from "./resources";
import type { ApiRoute, ApiRouteSpec } from "./route";

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return json;
};

const problem = {
  type: "object",
  description: "RFC 9457 problem details.",
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string", description: "A stable reason: `validation`, `insufficient_scope`, `rate_limited`, `idempotency_key_reused`, `opted_out`…" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { pointer: { type: "string", description: "JSON pointer into the body (or `/query/…`)." }, code: { type: "string" }, detail: { type: "string" } },
        required: ["pointer", "code", "detail"],
      },
    },
  },
  required: ["type", "title", "status"],
};

const PROBLEMS: Record<number, string> = {
  400: "Malformed request (JSON, cursor, Idempotency-Key)",
  401: "Missing, unknown or revoked key",
  403: "The key lacks the scope",
  404: "No such resource in this company",
  409: "A request with the same Idempotency-Key is still running",
  413: "Body too large",
  422: "Validation failed, refused message, or Idempotency-Key reused with another body",
  429: "Rate limited: see Retry-After",
};

const rateHeaders = {
  "RateLimit-Limit": { schema: { type: "integer" }, description: "Requests allowed per minute for this key." },
  "RateLimit-Remaining": { schema: { type: "integer" } },
  "RateLimit-Reset": { schema: { type: "integer" }, description: "Seconds until the window resets." },
};

function operation(spec: ApiRouteSpec) {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [["path", spec.params], ["query", spec.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      parameters.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  if (spec.method === "POST") {
    parameters.push({ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 }, description: "The same key and body answer the first result for 24 hours; the same key with another body is a 422." });
  }
  const status = String(spec.status ?? 200);
  const success = { description: "OK", headers: rateHeaders, content: { "application/json": { schema: schemaOf(spec.response, "output") } } };
  const responses: Record<string, unknown> = { [status]: success };
  if (spec.method === "POST" && status === "200" && /^\/[a-z-]+$/.test(spec.path)) responses["201"] = { ...success, description: "Created" };
  const codes = [401, 403, 429, ...(spec.params ? [404] : []), ...(spec.method === "POST" ? [400, 409, 413, 422] : spec.query ? [400, 422] : [])];
  for (const code of codes.sort()) responses[String(code)] = { $ref: `#/components/responses/Problem${code}` };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    security: [{ bearerAuth: [] }],
    "x-required-scope": spec.scope,
    parameters,
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(spec.body, "input") } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the zod schemas the routes validate with. */
export function openApiDocument(serverUrl = "/api/v1") {
  // A module namespace lists its exports alphabetically: order by path, reads before writes.
  const routes = Object.values(resources)
    .filter((value): value is ApiRoute => typeof value === "function" && "spec" in value)
    .sort((a, b) => a.spec.path.localeCompare(b.spec.path) || a.spec.method.localeCompare(b.spec.method));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { spec } of routes) (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation(spec);
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley Integration API",
      version: "1.0.0",
      description:
        "Push customers, appointments and repair orders from your dealer management system, read conversations, and text customers. Authenticate with `Authorization: Bearer pk_live_…` (keys are made by an administrator under Company settings → API). Every request is scoped to the key's company.",
    },
    servers: [{ url: serverUrl }],
    tags: ["Customers", "Appointments", "Repair orders", "Users", "Conversations", "Messages"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key: `pk_live_…`, with the scopes read, write or send." } },
      schemas: { Problem: problem },
      responses: Object.fromEntries(
        Object.entries(PROBLEMS).map(([code, description]) => [
          `Problem${code}`,
          { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } }, ...(code === "429" ? { headers: { "Retry-After": { schema: { type: "integer" } }, ...rateHeaders } } : {}) },
        ]),
      ),
    },
  };
}
