import { withTestDatabase } from "@/tests/db";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { stripeClient } from "@/lib/payments/stripe";
import { POST as stripeWebhook } from "./route";

withTestDatabase();
const stripe = withFakeStripe();

function signedEvent(event: Record<string, unknown>) {
  const payload = JSON.stringify({ object: "event", api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), ...event });
  const signature = stripeClient({ secretKey: "sk_test_signer" }).webhooks.generateTestHeaderString({ payload, secret: stripe.webhookSecret });
  return new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
}

describe("POST /api/webhooks/stripe with an event that can never be applied", () => {
  it("answers 400, not a retried 503, to an event without data.object", async () => {
    expect((await stripeWebhook(signedEvent({ id: "evt_no_object", type: "checkout.session.completed", data: {} }))).status).toBe(400);
    expect((await stripeWebhook(signedEvent({ id: "evt_no_data", type: "checkout.session.completed" }))).status).toBe(400);
  });

  it("answers 400 to an event id with a NUL byte", async () => {
    const response = await stripeWebhook(signedEvent({ id: "evt_\u0000", type: "customer.created", data: { object: { id: "cus_1" } } }));
    expect(response.status).toBe(400);
  });
});
