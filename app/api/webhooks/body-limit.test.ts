import { withTestDatabase } from "@/tests/db";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { POST as stripeWebhook } from "./stripe/route";
import { POST as vonageInbound } from "./vonage/inbound/route";
import { POST as vonageStatus } from "./vonage/status/route";

withTestDatabase();
withFakeStripe();

/** A body streamed in 16 kB chunks; counts how much of it the handler pulled. */
function streamed(totalBytes: number) {
  const chunk = new Uint8Array(16 * 1024).fill(97);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled };
}

const post = (url: string, body: BodyInit, headers: Record<string, string>) => new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);

describe("webhook bodies are capped before they are read in full", () => {
  it("refuses a Vonage body declared larger than 64 kB with 413, unread", async () => {
    const { body, pulled } = streamed(100 * 1024 * 1024);
    const request = post("http://localhost/api/webhooks/vonage/inbound", body, { "content-type": "application/json", "content-length": String(100 * 1024 * 1024), authorization: "Bearer x" });
    expect((await vonageInbound(request)).status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("cuts off a Vonage body streamed without a length once it passes 64 kB", async () => {
    for (const route of [vonageInbound, vonageStatus]) {
      const { body, pulled } = streamed(100 * 1024 * 1024);
      const response = await route(post("http://localhost/api/webhooks/vonage/inbound", body, { "content-type": "application/x-www-form-urlencoded" }));
      expect(response.status).toBe(413);
      expect(pulled.bytes).toBeLessThan(200 * 1024);
    }
  });

  it("refuses a Stripe body over 1 MB with 413, and still reads a small one", async () => {
    const { body, pulled } = streamed(50 * 1024 * 1024);
    expect((await stripeWebhook(post("http://localhost/api/webhooks/stripe", body, { "content-type": "application/json", "stripe-signature": "t=1,v1=x" }))).status).toBe(413);
    expect(pulled.bytes).toBeLessThan(2 * 1024 * 1024);
    const small = post("http://localhost/api/webhooks/stripe", "{}", { "content-type": "application/json", "stripe-signature": "t=1,v1=x" });
    expect((await stripeWebhook(small)).status).toBe(400);
  });
});
