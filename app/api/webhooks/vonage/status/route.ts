import { handleStatusWebhook } from "@/lib/messaging/webhooks/vonage";

export const dynamic = "force-dynamic";

/** Delivery receipts: Messages API status JSON (JWT-signed) or legacy SMS API receipts (`sig`). */
export async function POST(request: Request) {
  return handleStatusWebhook(request);
}

export const GET = POST;
