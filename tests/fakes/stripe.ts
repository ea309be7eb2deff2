import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { stripeClient, useStripe } from "@/lib/payments/stripe";

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

type Session = {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  url: string | null;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
};

export type StripeTestEvent = { id: string; type: string; sessionId: string };

/** A Stripe webhook delivery for a Checkout Session, signed as Stripe signs it unless told otherwise. */
export function stripeWebhookRequest(url: string, event: StripeTestEvent, { secret, signed = true }: { secret: string; signed?: boolean }) {
  const payload = JSON.stringify({ id: event.id, object: "event", type: event.type, api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), data: { object: { id: event.sessionId, object: "checkout.session" } } });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signed) headers["stripe-signature"] = stripeClient({ secretKey: "sk_test_signer" }).webhooks.generateTestHeaderString({ payload, secret });
  return new Request(url, { method: "POST", headers, body: payload });
}

/**
 * A local stand-in for the Stripe API parts Parley uses: creating and reading Checkout
 * Sessions. Tests move a session to paid as Stripe would after the customer pays.
 */
export async function startFakeStripe() {
  const sessions = new Map<string, Session>();
  const created: URLSearchParams[] = [];
  let counter = 0;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stripe");
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "request-id": `req_${++counter}` });
      response.end(JSON.stringify(body));
    };
    if (!request.headers.authorization?.startsWith("Bearer sk_test_")) return send(401, { error: { type: "invalid_request_error", message: "Invalid API key" } });
    if (request.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const form = new URLSearchParams(await readBody(request));
      created.push(form);
      const id = `cs_test_${++counter}`;
      const session: Session = {
        id,
        object: "checkout.session",
        status: "open",
        payment_status: "unpaid",
        url: `https://checkout.stripe.test/pay/${id}`,
        amount_total: Number(form.get("line_items[0][price_data][unit_amount]")),
        currency: form.get("line_items[0][price_data][currency]") ?? "cad",
        client_reference_id: form.get("client_reference_id"),
        metadata: { paymentRequestId: form.get("metadata[paymentRequestId]") ?? "", companyId: form.get("metadata[companyId]") ?? "" },
        payment_intent: null,
      };
      sessions.set(id, session);
      return send(200, session);
    }
    // Test control, not a Stripe route: the customer completes Checkout.
    const paid = /^\/__fake\/checkout\/sessions\/([\w-]+)\/pay$/.exec(url.pathname);
    if (request.method === "POST" && paid) {
      const session = sessions.get(paid[1]!);
      if (!session) return send(404, { error: { message: "No such checkout.session" } });
      Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: `pi_${session.id}` });
      return send(200, session);
    }
    const match = /^\/v1\/checkout\/sessions\/([\w-]+)$/.exec(url.pathname);
    if (request.method === "GET" && match) {
      const session = sessions.get(match[1]!);
      if (!session) return send(404, { error: { type: "invalid_request_error", message: "No such checkout.session" } });
      const expand = [...url.searchParams].some(([key, value]) => key.startsWith("expand") && value === "payment_intent.latest_charge");
      const intent = session.payment_intent
        ? expand
          ? { id: session.payment_intent, object: "payment_intent", latest_charge: { id: `ch_${session.id}`, object: "charge", receipt_url: `https://pay.stripe.test/receipts/${session.id}` } }
          : session.payment_intent
        : null;
      return send(200, { ...session, payment_intent: intent });
    }
    send(404, { error: { type: "invalid_request_error", message: `Unhandled ${request.method} ${url.pathname}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const apiBase = `http://127.0.0.1:${port}`;
  const webhookSecret = "whsec_test_secret";
  return {
    apiBase,
    webhookSecret,
    sessions,
    created,
    client: stripeClient({ secretKey: "sk_test_fake", apiBase }),
    pay(sessionId: string, { settled = true } = {}) {
      const session = sessions.get(sessionId)!;
      Object.assign(session, { status: "complete", payment_status: settled ? "paid" : "unpaid", payment_intent: `pi_${sessionId}` });
    },
    /** A signed webhook request, built with the SDK's own test-header helper. */
    webhook(event: StripeTestEvent, { secret = webhookSecret, signed = true } = {}) {
      return stripeWebhookRequest("http://localhost/api/webhooks/stripe", event, { secret, signed });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

/**
 * A fake Stripe for the whole test file, wired in as the app's Stripe client: started
 * before the first test, stopped after the last. Use the returned object inside tests.
 */
export function withFakeStripe(): FakeStripe {
  const fake = {} as FakeStripe;
  beforeAll(async () => {
    Object.assign(fake, await startFakeStripe());
    useStripe({ client: fake.client, webhookSecret: fake.webhookSecret });
  });
  afterAll(async () => {
    useStripe(undefined);
    await fake.close();
  });
  return fake;
}
