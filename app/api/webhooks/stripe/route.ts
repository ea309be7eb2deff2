import type Stripe from "stripe";
import { z } from "zod";
import { getDb } from "@/db/client";
import { readLimitedBody } from "@/lib/http/body-limit";
import { stripeOrNull } from "@/lib/payments/stripe";
import { applyStripeEvent } from "@/lib/payments/payments";

export const dynamic = "force-dynamic";

/** Stripe's events are well under 1 MB; a larger body is refused before it is read in full. */
const STRIPE_BODY_LIMIT = 1024 * 1024;

const stripeId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\u0000-\u001f]+$/);

/** What applying an event relies on; an event without it can never be applied (400, not a retried 503). */
const applicableEvent = z.looseObject({
  id: stripeId,
  type: z.string().min(1).max(255),
  data: z.looseObject({ object: z.looseObject({ id: stripeId.optional() }) }),
});

/**
 * Stripe events (PLAT-2): the raw body's signature is checked first; a missing or bad
 * Stripe-Signature is a 400 and changes nothing. Events are deduplicated by id.
 */
export async function POST(request: Request) {
  const stripe = stripeOrNull();
  if (!stripe?.webhookSecret) return Response.json({ error: "Stripe is not configured" }, { status: 503 });
  const signature = request.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "Missing Stripe-Signature" }, { status: 400 });
  const body = await readLimitedBody(request, STRIPE_BODY_LIMIT);
  if (!body.ok) return body.response;
  const raw = body.text;
  let event: Stripe.Event;
  try {
    event = stripe.client.webhooks.constructEvent(raw, signature, stripe.webhookSecret);
  } catch {
    return Response.json({ error: "Invalid Stripe-Signature" }, { status: 400 });
  }
  const parsed = applicableEvent.safeParse(event);
  if (!parsed.success) {
    return Response.json({ error: "Malformed event", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }, { status: 400 });
  }
  try {
    return Response.json({ ok: true, result: await applyStripeEvent(await getDb(), stripe.client, event) });
  } catch (error) {
    console.error("[webhooks/stripe] could not apply", error);
    return Response.json({ error: "Temporarily unable to apply the event" }, { status: 503 });
  }
}
