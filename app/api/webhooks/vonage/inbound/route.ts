import { handleInboundWebhook } from "@/lib/messaging/webhooks/vonage";

export const dynamic = "force-dynamic";

/** Inbound SMS: Messages API JSON (JWT-signed) or the legacy SMS API shape (GET or POST, `sig`). */
export async function POST(request: Request) {
  return handleInboundWebhook(request);
}

export const GET = POST;
