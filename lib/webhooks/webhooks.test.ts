import { eq, inArray } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { notifications, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { claimDueDeliveries, findWebhookEndpoint, listEventDeliveries } from "@/db/queries/webhooks";
import { drainSettled } from "@/lib/background/drain";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser } from "@/tests/factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/fakes/webhook-receiver";
import {
  createWebhookEndpoint,
  enableWebhookEndpointAction,
  replayWebhookDelivery,
  replayWebhookRange,
  revealWebhookSecret,
  rollWebhookSecretAction,
  sendTestWebhookEvent,
  updateWebhookEndpointAction,
} from "./actions";
import { deliverDueWebhooks, runWebhookSweep } from "./deliver";
import { recordWebhookEvent as record } from "./record";
import { DISABLE_AFTER_FAILING_MS, MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from "./schedule";
import { isForbiddenAddress, privateAddressesAllowed, setWebhookAddressPolicy } from "./ssrf";

const database = withTestDatabase();
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  setWebhookAddressPolicy(undefined);
});
beforeEach(async () => {
  receiver.reset();
  // The worker serves every company: earlier tests' unfinished deliveries must not reach this one's receiver.
  await database.db
    .update(webhookDeliveries)
    .set({ status: "abandoned" })
    .where(inArray(webhookDeliveries.status, ["pending", "failed", "delivering"]));
  // The receiver listens on 127.0.0.1: these tests allow private addresses unless they say otherwise.
  setWebhookAddressPolicy(true);
});

const seconds = (n: number) => n * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const allow = { allowPrivate: true, timeoutMs: 500 };

async function setup(eventTypes = ["message.received", "customer.created"]) {
  const db = database.db;
  const company = await createCompany(db);
  const admin = await createUser(db, company.id, { role: "admin" });
  const agent = await createUser(db, company.id);
  const created = await createWebhookEndpoint.run(contextFor(db, admin, company.id), { url: receiver.url, eventTypes });
  if (!created.ok) throw new Error(created.error);
  const endpoint = (await findWebhookEndpoint(db, { companyId: company.id, endpointId: created.data.id }))!;
  return { db, company, admin, agent, endpoint, ctx: contextFor(db, admin, company.id) };
}

/** Records an event (these tests' endpoints listen, so it is there). */
const recordWebhookEvent = async (...args: Parameters<typeof record>) => {
  const recorded = await record(...args);
  return { ...recorded, event: recorded.event! };
};

const deliveriesOf = async (endpointId: string) =>
  database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.eventCreatedAt);

describe("outgoing webhooks (IMPL-2)", () => {
  it("records the event with a delivery per subscribed endpoint and delivers it signed per Standard Webhooks", async () => {
    const { db, company, endpoint } = await setup();
    const other = await createWebhookEndpoint.run((await setup()).ctx, { url: receiver.url, eventTypes: ["payment.paid"] });
    expect(other.ok).toBe(true);
    const { event, deliveries } = await db.transaction((tx) =>
      recordWebhookEvent(tx, { companyId: company.id, type: "message.received", payload: { message: { id: "m1", body: "Bonjour" } } }),
    );
    expect(deliveries).toBe(1);

    const now = new Date();
    expect(await deliverDueWebhooks(db, now, allow)).toEqual({ succeeded: 1, failed: 0, abandoned: 0 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const verified = new Webhook(endpoint.secret).verify(request!.body, request!.headers) as Record<string, unknown>;
    expect(verified).toEqual({ id: event.id, type: "message.received", created_at: event.createdAt.toISOString(), data: { message: { id: "m1", body: "Bonjour" } } });
    expect(request!.headers["webhook-id"]).toBe(event.id);
    expect(() => new Webhook(`whsec_${Buffer.from("another secret of enough length").toString("base64")}`).verify(request!.body, request!.headers)).toThrow();

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, responseExcerpt: "ok" });
    const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery!.id));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.requestBody).toBe(request!.body);
    // Delivered once: running the worker again sends nothing.
    await deliverDueWebhooks(db, later(now, seconds(3600)), allow);
    expect(receiver.received).toHaveLength(1);
  });

  it("sends nothing to endpoints not subscribed to the type, disabled, or of another company", async () => {
    const { db, company, endpoint } = await setup(["payment.paid"]);
    const b = await setup(["message.received"]);
    await db.update(webhookEndpoints).set({ status: "disabled" }).where(eq(webhookEndpoints.id, b.endpoint.id));
    await recordWebhookEvent(db, { companyId: company.id, type: "message.received", payload: {} });
    const { deliveries } = await recordWebhookEvent(db, { companyId: b.company.id, type: "message.received", payload: {} });
    expect(deliveries).toBe(0);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    expect(await deliveriesOf(b.endpoint.id)).toHaveLength(0);
  });

  it("retries after a 500 with the same webhook-id, on the backoff schedule, then abandons after about 24 hours", async () => {
    const { db, company, endpoint } = await setup();
    const { event } = await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: { customer: { id: "c1" } } });
    receiver.reply(500);
    const now = new Date();
    expect(await deliverDueWebhooks(db, now, allow)).toMatchObject({ failed: 1 });
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, responseStatus: 500, responseExcerpt: "error 500" });
    expect(delivery!.nextAttemptAt.getTime()).toBe(now.getTime() + seconds(RETRY_DELAYS_SECONDS[0]!));
    // Not before its time.
    await deliverDueWebhooks(db, later(now, seconds(1)), allow);
    expect(receiver.received).toHaveLength(1);
    await deliverDueWebhooks(db, later(now, seconds(6)), allow);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([event.id, event.id]);
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });

    const total = RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0) / 3600;
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(28);
    // A receiver that never recovers: abandoned after the last attempt.
    const { event: second } = await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    let clock = new Date();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      receiver.reply(503);
      await deliverDueWebhooks(db, clock, allow);
      clock = later(clock, seconds(9 * 3600));
    }
    const [abandoned] = await listEventDeliveries(db, { companyId: company.id, eventId: second.id });
    expect(abandoned).toMatchObject({ status: "abandoned", attempts: MAX_ATTEMPTS });
  });

  it("retries after a timeout", async () => {
    const { db, company, endpoint } = await setup();
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    receiver.reply("hang");
    const now = new Date();
    await deliverDueWebhooks(db, now, { allowPrivate: true, timeoutMs: 300 });
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 1, responseStatus: null });
    expect(delivery!.error).toMatch(/timeout/);
    await deliverDueWebhooks(db, later(now, seconds(10)), allow);
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(receiver.received).toHaveLength(1);
  });

  it("loses nothing when a worker stops mid-delivery: its lease expires and another worker delivers", async () => {
    const { db, company, endpoint } = await setup();
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    const now = new Date();
    // A worker claims it, then the app restarts before it answers.
    const claimed = await claimDueDeliveries(db, { now, limit: 10, leaseSeconds: 60 });
    expect(claimed.map((c) => c.endpointId)).toContain(endpoint.id);
    await deliverDueWebhooks(db, later(now, seconds(30)), allow);
    expect(receiver.received).toHaveLength(0);
    await deliverDueWebhooks(db, later(now, seconds(61)), allow);
    expect(receiver.received).toHaveLength(1);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("delivers one customer's events in order, without holding other customers' back", async () => {
    const { db, company, endpoint } = await setup();
    const julie = await createCustomer(db, company.id);
    const marc = await createCustomer(db, company.id);
    const first = await recordWebhookEvent(db, { companyId: company.id, type: "message.received", payload: { n: 1 }, customerId: julie.id });
    const second = await recordWebhookEvent(db, { companyId: company.id, type: "message.received", payload: { n: 2 }, customerId: julie.id });
    const others = await recordWebhookEvent(db, { companyId: company.id, type: "message.received", payload: { n: 3 }, customerId: marc.id });
    receiver.reply(500);
    const now = new Date();
    await deliverDueWebhooks(db, now, { ...allow, concurrency: 1 });
    // Julie's first failed, her second waits; Marc's went through.
    const ids = () => receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids()).toEqual([first.event.id, others.event.id]);
    // Its retry succeeds, then (next round of the same run) her second goes.
    await deliverDueWebhooks(db, later(now, seconds(6)), allow);
    expect(ids()).toEqual([first.event.id, others.event.id, first.event.id, second.event.id]);
    expect((await deliveriesOf(endpoint.id)).every((d) => d.status === "succeeded")).toBe(true);
  });

  it("replays one delivery, or every delivery of a time range, from the log", async () => {
    const { db, company, endpoint, ctx } = await setup();
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: { n: 1 } });
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: { n: 2 } });
    await deliverDueWebhooks(db, new Date(), allow);
    expect(receiver.received).toHaveLength(2);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(await replayWebhookDelivery.run(ctx, { deliveryId: delivery!.id })).toMatchObject({ ok: true });
    await drainSettled("webhooks");
    await deliverDueWebhooks(db, new Date(), allow);
    expect(receiver.received).toHaveLength(3);
    const range = await replayWebhookRange.run(ctx, { id: endpoint.id, from: new Date(Date.now() - 60_000).toISOString(), to: new Date().toISOString() });
    expect(range).toEqual({ ok: true, data: { count: 2 } });
    await drainSettled("webhooks");
    await deliverDueWebhooks(db, new Date(), allow);
    expect(receiver.received).toHaveLength(5);
    // Another company's admin cannot replay it.
    const other = await setup();
    expect(await replayWebhookDelivery.run(other.ctx, { deliveryId: delivery!.id })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await revealWebhookSecret.run(other.ctx, { id: endpoint.id })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await sendTestWebhookEvent.run(other.ctx, { id: endpoint.id })).toMatchObject({ ok: false, error: "errors.notFound" });
  });

  it("sends a test event to that endpoint only, and only admins manage endpoints", async () => {
    const { db, company, agent, endpoint, ctx } = await setup(["payment.paid"]);
    const sent = await sendTestWebhookEvent.run(ctx, { id: endpoint.id });
    expect(sent.ok).toBe(true);
    await drainSettled("webhooks");
    await deliverDueWebhooks(db, new Date(), allow);
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: "webhook.test" });
    const asAgent = await createWebhookEndpoint.run(contextFor(db, agent, company.id), { url: receiver.url, eventTypes: ["payment.paid"] });
    expect(asAgent).toMatchObject({ ok: false, error: "errors.forbidden" });
  });

  it("edits an endpoint's address, description and event types, checking the address as on creation", async () => {
    const { db, company, agent, endpoint, ctx } = await setup(["payment.paid"]);
    const edited = await updateWebhookEndpointAction.run(ctx, { id: endpoint.id, url: `${receiver.url}?v=2`, description: "DMS", eventTypes: ["customer.created"] });
    expect(edited).toMatchObject({ ok: true, data: { id: endpoint.id, url: `${receiver.url}?v=2` } });
    expect(await findWebhookEndpoint(db, { companyId: company.id, endpointId: endpoint.id })).toMatchObject({ description: "DMS", eventTypes: ["customer.created"] });
    // The new subscription is what is delivered now.
    expect((await record(db, { companyId: company.id, type: "customer.created", payload: {} })).deliveries).toBe(1);
    expect((await record(db, { companyId: company.id, type: "payment.paid", payload: {} })).deliveries).toBe(0);

    setWebhookAddressPolicy(false);
    try {
      expect(await updateWebhookEndpointAction.run(ctx, { id: endpoint.id, url: "http://169.254.169.254/latest/meta-data", eventTypes: ["customer.created"] })).toMatchObject({ ok: false, error: "webhooks.errors.privateAddress" });
    } finally {
      setWebhookAddressPolicy(true);
    }
    expect(await updateWebhookEndpointAction.run(ctx, { id: endpoint.id, url: receiver.url, eventTypes: [] })).toMatchObject({ ok: false, fieldErrors: { eventTypes: ["webhooks.errors.noEventType"] } });
    const other = await setup();
    expect(await updateWebhookEndpointAction.run(other.ctx, { id: endpoint.id, url: receiver.url, eventTypes: ["customer.created"] })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect(await updateWebhookEndpointAction.run(contextFor(db, agent, company.id), { id: endpoint.id, url: receiver.url, eventTypes: ["customer.created"] })).toMatchObject({ ok: false, error: "errors.forbidden" });
    expect((await findWebhookEndpoint(db, { companyId: company.id, endpointId: endpoint.id }))!.url).toBe(`${receiver.url}?v=2`);
  });

  it("rolls the secret: both signatures are sent while the old one is still valid", async () => {
    const { db, company, endpoint, ctx } = await setup();
    const rolled = await rollWebhookSecretAction.run(ctx, { id: endpoint.id });
    if (!rolled.ok) throw new Error(rolled.error);
    expect(rolled.data.secret).not.toBe(endpoint.secret);
    expect(rolled.data.secret).toMatch(/^whsec_/);
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    await deliverDueWebhooks(db, new Date(), allow);
    const [request] = receiver.received;
    expect(request!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(rolled.data.secret).verify(request!.body, request!.headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(request!.body, request!.headers)).not.toThrow();
    // A day later only the new secret signs.
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    await deliverDueWebhooks(db, later(new Date(), seconds(25 * 3600)), allow);
    const next = receiver.received[1]!;
    expect(next.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(() => new Webhook(endpoint.secret).verify(next.body, next.headers)).toThrow();
  });

  it("disables an endpoint whose every attempt failed for three days and tells the admins", async () => {
    const { db, company, admin, agent, endpoint, ctx } = await setup();
    receiver.reply(...Array<number>(20).fill(500));
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    const start = new Date();
    await deliverDueWebhooks(db, start, allow);
    expect((await findWebhookEndpoint(db, { companyId: company.id, endpointId: endpoint.id }))!.failingSince).toEqual(start);
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    await deliverDueWebhooks(db, later(start, DISABLE_AFTER_FAILING_MS - seconds(3600)), allow);
    expect((await findWebhookEndpoint(db, { companyId: company.id, endpointId: endpoint.id }))!.status).toBe("active");
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    await deliverDueWebhooks(db, later(start, DISABLE_AFTER_FAILING_MS + seconds(60)), allow);
    const disabled = (await findWebhookEndpoint(db, { companyId: company.id, endpointId: endpoint.id }))!;
    expect(disabled).toMatchObject({ status: "disabled", disabledReason: "failing" });
    const kinds = async (userId: string) => (await db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);
    expect(await kinds(admin.id)).toEqual(["webhooks.endpoint_disabled"]);
    expect(await kinds(agent.id)).toEqual([]);
    // While disabled, new events make no deliveries; re-enabled, it is active again.
    const { deliveries } = await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    expect(deliveries).toBe(0);
    expect(await enableWebhookEndpointAction.run(ctx, { id: endpoint.id })).toMatchObject({ ok: true, data: { status: "active" } });
    await drainSettled("webhooks");
    expect((await findWebhookEndpoint(db, { companyId: company.id, endpointId: endpoint.id }))!.failingSince).toBeNull();
  });

  it("refuses endpoints on private, loopback or link-local addresses unless allowed, also at delivery time", async () => {
    const { db, company, endpoint, ctx } = await setup();
    setWebhookAddressPolicy(false);
    for (const url of [receiver.url, "http://localhost:9/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://10.1.2.3/x"]) {
      expect(await createWebhookEndpoint.run(ctx, { url, eventTypes: ["payment.paid"] })).toMatchObject({ ok: false, error: "webhooks.errors.privateAddress" });
    }
    expect(await createWebhookEndpoint.run(ctx, { url: "ftp://example.com/x", eventTypes: ["payment.paid"] })).toMatchObject({ ok: false, error: "webhooks.errors.invalidUrl" });
    // Saved while allowed, then refused when the worker runs: nothing reaches the receiver.
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    await deliverDueWebhooks(db, new Date(), { allowPrivate: false });
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "failed" });
    expect(delivery!.error).toMatch(/refused/);

    for (const address of ["127.0.0.1", "10.0.0.8", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"]) {
      expect([address, isForbiddenAddress(address)]).toEqual([address, true]);
    }
    for (const address of ["8.8.8.8", "142.250.72.14", "2607:f8b0:4004:800::200e"]) expect([address, isForbiddenAddress(address)]).toEqual([address, false]);
    setWebhookAddressPolicy(undefined);
    expect(privateAddressesAllowed({ NODE_ENV: "production" })).toBe(false);
    expect(privateAddressesAllowed({ NODE_ENV: "development" })).toBe(true);
    expect(privateAddressesAllowed({ NODE_ENV: "production", WEBHOOKS_ALLOW_PRIVATE: "1" })).toBe(true);
  });

  it("keeps the log 30 days: the sweep delivers what is due and removes older events with their deliveries", async () => {
    const { db, company, endpoint } = await setup();
    await recordWebhookEvent(db, { companyId: company.id, type: "customer.created", payload: {} });
    const now = new Date();
    expect(await runWebhookSweep(db, now)).toMatchObject({ succeeded: 1 });
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    await runWebhookSweep(db, later(now, seconds(31 * 24 * 3600)));
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });
});
