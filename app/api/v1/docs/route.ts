import { referencePage } from "@/lib/api/reference";

export const dynamic = "force-dynamic";

/** The readable API reference for integrators, rendered from /api/v1/openapi.json. */
export function GET() {
  return new Response(referencePage(), { headers: { "content-type": "text/html; charset=utf-8" } });
}
