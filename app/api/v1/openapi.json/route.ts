import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of /api/v1, generated from the routes' zod schemas. */
export function GET() {
  return Response.json(openApiDocument(new URL("/api/v1", env().APP_URL).toString()), { headers: { "access-control-allow-origin": "*" } });
}
