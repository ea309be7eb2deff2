import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of /api/v1, generated from the routes' zod schemas. */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL("/api/v1", request.url).toString()), { headers: { "access-control-allow-origin": "*" } });
}
