import type { Db } from "@/db/client";
import type { ApiScope } from "@/db/schema";
import { createApiKey } from "@/lib/api/keys";
import type { ApiRoute } from "@/lib/api/route";

/** A key of the company with these scopes (all by default). */
export async function apiKeyFor(db: Db, companyId: string, scopes: ApiScope[] = ["read", "write", "send"]) {
  return (await createApiKey(db, { companyId, name: "DMS", scopes, createdByUserId: null })).key;
}

/** Calls a /api/v1 route handler as an integrator's HTTP client would. */
export async function callApi(
  route: ApiRoute,
  { key, body, query = "", params = {}, headers = {} }: { key?: string | null; body?: unknown; query?: string; params?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const { method, path } = route.spec;
  const url = `http://localhost/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "")}${query}`;
  const request = new Request(url, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await route(request, { params: Promise.resolve(params) });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as any };
}
