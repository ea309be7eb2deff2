import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { createApiKey as createApiKeyAction, revokeApiKey, setUserExternalId } from "@/lib/api/actions";
import { batchUpsertCustomers, getAppointment, getConversation, getCustomer, listAppointments, listConversationMessages, listCustomers, listUsers, sendMessage, upsertAppointment, upsertCustomer, upsertRepairOrder, batchUpsertAppointments } from "@/lib/api/resources";
import { apiSettings } from "@/lib/api/route";
import { sweepExpiredApiState } from "@/lib/api/sweep";
import { apiKeyFor, callApi } from "@/tests/api";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { importCsv } from "@/tests/imports";

const database = withTestDatabase();
const db = () => database.db;

async function company() {
  const row = await createCompany(db());
  const admin = await createUser(db(), row.id, { role: "admin" });
  return { company: row, admin, key: await apiKeyFor(db(), row.id) };
}

describe("authentication and scopes", () => {
  it("refuses a request without a key, with a wrong key, with a revoked key, and a key without the scope", async () => {
    const { company: garage, admin } = await company();
    const missing = await callApi(listCustomers, {});
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(missing.body).toMatchObject({ status: 401, title: "Unauthorized" });

    expect((await callApi(listCustomers, { key: "pk_live_notARealKeyAtAll000000000000" })).status).toBe(401);
    expect((await callApi(listCustomers, { headers: { authorization: "Basic abc" } })).status).toBe(401);

    const created = await createApiKeyAction.run(contextFor(db(), admin, garage.id), { name: "CDK", scopes: ["read"] });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.key).toMatch(/^pk_live_[A-Za-z0-9]{32}$/);
    expect(created.data.prefix).toBe(created.data.key.slice(0, 12));
    expect((await callApi(listCustomers, { key: created.data.key })).status).toBe(200);
    const [stored] = await db().select().from(s.apiKeys).where(eq(s.apiKeys.id, created.data.id));
    expect(stored!.keyHash).not.toContain(created.data.key.slice(8));
    expect(stored!.lastUsedAt).not.toBeNull();

    const writing = await callApi(upsertCustomer, { key: created.data.key, body: { external_id: "C-1" } });
    expect(writing.status).toBe(403);
    expect(writing.body.code).toBe("insufficient_scope");

    expect(await revokeApiKey.run(contextFor(db(), admin, garage.id), { id: created.data.id })).toMatchObject({ ok: true });
    const revoked = await callApi(listCustomers, { key: created.data.key });
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe("key_revoked");
  });

  it("lets only admins make or revoke keys", async () => {
    const { company: garage } = await company();
    const agent = await createUser(db(), garage.id, { role: "agent" });
    expect(await createApiKeyAction.run(contextFor(db(), agent, garage.id), { name: "CDK", scopes: ["read"] })).toMatchObject({ ok: false, error: "errors.forbidden" });
  });
});

describe("tenancy", () => {
  it("answers 404 for another company's customer, appointment and conversation, and lists only the key's company", async () => {
    const mine = await company();
    const theirs = await company();
    const customer = await createCustomer(db(), theirs.company.id);
    const conversation = await createConversation(db(), theirs.company.id, customer.id);
    const theirAppointment = await callApi(upsertAppointment, { key: theirs.key, body: { customer_id: customer.id, start_at: "2026-12-03T14:30:00-05:00", type: "Vidange" } });
    expect(theirAppointment.status).toBe(201);

    expect((await callApi(getCustomer, { key: mine.key, params: { id: customer.id } })).status).toBe(404);
    expect((await callApi(getAppointment, { key: mine.key, params: { id: theirAppointment.body.id } })).status).toBe(404);
    expect((await callApi(getConversation, { key: mine.key, params: { id: conversation.id } })).status).toBe(404);
    expect((await callApi(listConversationMessages, { key: mine.key, params: { id: conversation.id } })).status).toBe(404);
    expect((await callApi(getCustomer, { key: mine.key, params: { id: "not-a-uuid" } })).status).toBe(404);
    // Naming their customer in my appointment is refused as an unknown customer.
    const borrowed = await callApi(upsertAppointment, { key: mine.key, body: { customer_id: customer.id, start_at: "2026-12-03T14:30:00-05:00", type: "Vidange" } });
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.errors).toEqual([expect.objectContaining({ pointer: "/customer_id" })]);
    expect((await callApi(listCustomers, { key: mine.key })).body.data).toEqual([]);
    expect((await callApi(getCustomer, { key: theirs.key, params: { id: customer.id } })).status).toBe(200);
  });
});

describe("customers", () => {
  it("validates fields as imports do, with a pointer per field in a problem+json", async () => {
    const { key } = await company();
    const bad = await callApi(upsertCustomer, { key, body: { mobile: "12", email: "nope", language: "de", first_name: 3 } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(["/first_name", "/language"]);
    const badPhone = await callApi(upsertCustomer, { key, body: { mobile: "12", email: "nope" } });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: "/mobile", code: "customers.mobileInvalid", detail: "“12” is not a valid mobile number." },
        expect.objectContaining({ pointer: "/email", code: "customers.emailInvalid" }),
      ]),
    );
    const noKey = await callApi(upsertCustomer, { key, body: { first_name: "Julie" } });
    expect(noKey.body.errors).toEqual([expect.objectContaining({ pointer: "", code: "imports.reasons.noKey" })]);
    const malformed = await callApi(upsertCustomer, { key, body: "{not json" });
    expect(malformed.status).toBe(400);
  });

  it("upserts like an import: same matching, same customer, STOP never undone", async () => {
    const { company: garage, admin, key } = await company();
    const imported = await importCsv(contextFor(db(), admin, garage.id), "External ID,First name,Last name,Mobile\nDMS-7,Julie,Tremblay,514 555 0101\n");
    expect(imported.createdRows).toBe(1);
    const [stored] = await db().select().from(s.customers).where(eq(s.customers.companyId, garage.id));
    await db().update(s.customers).set({ optedOutAt: new Date(), subscribedGeneral: false }).where(eq(s.customers.id, stored!.id));

    const byMobile = await callApi(upsertCustomer, { key, body: { mobile: "(514) 555-0101", last_name: "Tremblay-Roy" } });
    expect(byMobile.status).toBe(200);
    expect(byMobile.body).toMatchObject({ id: stored!.id, external_id: "DMS-7", first_name: "Julie", last_name: "Tremblay-Roy", mobile: "+15145550101", opted_out: true, subscribed_general: false });

    const created = await callApi(upsertCustomer, { key, body: { external_id: "DMS-8", mobile: "514 555 0102", first_name: "Marc" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: "customer", external_id: "DMS-8", language: "fr", opted_out: false });

    // The external id and the mobile name two customers: they are merged, as an import would.
    const merged = await callApi(upsertCustomer, { key, body: { external_id: "DMS-7", mobile: "514 555 0102" } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: stored!.id, mobile: "+15145550102", opted_out: true });
    expect((await callApi(getCustomer, { key, params: { id: created.body.id } })).body.merged_into_id).toBe(stored!.id);
  });

  it("checks typed custom attributes", async () => {
    const { company: garage, key } = await company();
    await db().insert(s.customAttributeDefinitions).values([
      { companyId: garage.id, category: "customer", key: "visits", label: "Visits", type: "number" },
      { companyId: garage.id, category: "event", key: "amount", label: "Amount", type: "money" },
    ]);
    const bad = await callApi(upsertCustomer, { key, body: { external_id: "A", attributes: { visits: "many", unknown: 1 } } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`).sort()).toEqual(["/attributes/unknown customers.attributeUnknown", "/attributes/visits customers.attributeNumber"]);
    expect((await callApi(upsertCustomer, { key, body: { external_id: "A", attributes: { visits: 3 } } })).body.attributes).toEqual({ visits: 3 });

    const order = await callApi(upsertRepairOrder, { key, body: { number: "RO-1", customer: { external_id: "A" }, title: "Brakes", attributes: { amount: "1 343,67 $" } } });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ object: "repair_order", number: "RO-1", title: "Brakes", status: "open" });
    const again = await callApi(upsertRepairOrder, { key, body: { number: "RO-1", customer: { external_id: "A" }, status: "closed" } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: order.body.id, title: "Brakes", status: "closed" });
    const badOrder = await callApi(upsertRepairOrder, { key, body: { number: "RO-2", customer: { external_id: "A" }, attributes: { amount: "lots" } } });
    expect(badOrder.body.errors).toEqual([expect.objectContaining({ pointer: "/attributes/amount", code: "customers.attributeMoney" })]);
  });

  it("upserts a batch all or nothing, and lists with search, filters and cursors", async () => {
    const { key } = await company();
    const customers = Array.from({ length: 5 }, (_, index) => ({ external_id: `B-${index}`, first_name: `Client${index}`, mobile: `514 555 02${String(index).padStart(2, "0")}` }));
    const refused = await callApi(batchUpsertCustomers, { key, body: { customers: [...customers, { external_id: "B-9", mobile: "1" }] } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: "/customers/5/mobile" })]);
    expect((await callApi(listCustomers, { key })).body.data).toHaveLength(0);
    const tooMany = await callApi(batchUpsertCustomers, { key, body: { customers: Array.from({ length: 1001 }, (_, index) => ({ external_id: `X-${index}` })) } });
    expect(tooMany.status).toBe(422);

    const batch = await callApi(batchUpsertCustomers, { key, body: { customers } });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ created: 5, updated: 0 });
    expect(batch.body.ids).toHaveLength(5);

    const first = await callApi(listCustomers, { key, query: "?limit=2" });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.has_more).toBe(true);
    const second = await callApi(listCustomers, { key, query: `?limit=2&cursor=${first.body.next_cursor}` });
    const third = await callApi(listCustomers, { key, query: `?limit=2&cursor=${second.body.next_cursor}` });
    expect(third.body).toMatchObject({ has_more: false, next_cursor: null });
    const seen = [...first.body.data, ...second.body.data, ...third.body.data].map((customer: { id: string }) => customer.id);
    expect(new Set(seen).size).toBe(5);
    expect(new Set(seen)).toEqual(new Set(batch.body.ids));

    expect((await callApi(listCustomers, { key, query: "?q=client3" })).body.data.map((c: { external_id: string }) => c.external_id)).toEqual(["B-3"]);
    expect((await callApi(listCustomers, { key, query: "?mobile=5145550204" })).body.data.map((c: { external_id: string }) => c.external_id)).toEqual(["B-4"]);
    expect((await callApi(listCustomers, { key, query: "?external_id=B-1" })).body.data).toHaveLength(1);
    expect((await callApi(listCustomers, { key, query: "?opted_out=true" })).body.data).toHaveLength(0);
    const badCursor = await callApi(listCustomers, { key, query: "?cursor=abc" });
    expect(badCursor.status).toBe(400);
    const badLimit = await callApi(listCustomers, { key, query: "?limit=1000" });
    expect(badLimit.status).toBe(422);
    expect(badLimit.body.errors[0].pointer).toBe("/query/limit");
  });
});

describe("idempotency and rate limits", () => {
  it("replays the first answer for the same key and body, refuses another body with 422", async () => {
    const { key } = await company();
    const body = { external_id: "I-1", first_name: "Anne" };
    const first = await callApi(upsertCustomer, { key, body, headers: { "idempotency-key": "abc" } });
    expect(first.status).toBe(201);
    const replay = await callApi(upsertCustomer, { key, body, headers: { "idempotency-key": "abc" } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    const other = await callApi(upsertCustomer, { key, body: { ...body, first_name: "Annie" }, headers: { "idempotency-key": "abc" } });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");
    // Without the header (or with another one) the request runs again: an update now.
    expect((await callApi(upsertCustomer, { key, body, headers: { "idempotency-key": "def" } })).status).toBe(200);
  });

  it("answers 429 with Retry-After past the per-key limit, with RateLimit headers on every answer", async () => {
    const { key, company: garage } = await company();
    const other = await apiKeyFor(db(), garage.id);
    const usual = apiSettings.rateLimit;
    apiSettings.rateLimit = () => 3;
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await callApi(listCustomers, { key }));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0]!.headers.get("ratelimit-limit")).toBe("3");
      expect(answers[0]!.headers.get("ratelimit-remaining")).toBe("2");
      expect(Number(answers[3]!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(answers[3]!.body).toMatchObject({ status: 429, code: "rate_limited" });
      expect((await callApi(listCustomers, { key: other })).status).toBe(200);
    } finally {
      apiSettings.rateLimit = usual;
    }
  });
});

describe("appointments", () => {
  it("upserts by external id, changes status, maps the advisor by external id and assigns the conversation", async () => {
    const { company: garage, key } = await company();
    const advisor = await createUser(db(), garage.id, { role: "agent" });
    await db().update(s.memberships).set({ externalId: "ADV-12" }).where(eq(s.memberships.userId, advisor.id));
    const customer = await createCustomer(db(), garage.id, { externalId: "C-1" });
    const conversation = await createConversation(db(), garage.id, customer.id);

    const unknownAdvisor = await callApi(upsertAppointment, { key, body: { external_id: "APT-1", customer: { external_id: "C-1" }, start_at: "2026-12-03T14:30:00-05:00", type: "Vidange", advisor_external_id: "NOPE" } });
    expect(unknownAdvisor.status).toBe(422);
    expect(unknownAdvisor.body.errors).toEqual([expect.objectContaining({ pointer: "/advisor_external_id" })]);

    const created = await callApi(upsertAppointment, { key, body: { external_id: "APT-1", customer: { external_id: "C-1" }, start_at: "2026-12-03T14:30:00-05:00", type: "Vidange", advisor_external_id: "ADV-12" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ external_id: "APT-1", customer_id: customer.id, start_at: "2026-12-03T19:30:00.000Z", status: "scheduled", advisor_user_id: advisor.id, duration_minutes: 60 });
    const [assigned] = await db().select().from(s.conversations).where(eq(s.conversations.id, conversation.id));
    expect(assigned!.assigneeUserId).toBe(advisor.id);

    const cancelled = await callApi(upsertAppointment, { key, body: { external_id: "APT-1", customer_id: customer.id, start_at: "2026-12-03T15:00:00-05:00", type: "Vidange", status: "cancelled" } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: created.body.id, status: "cancelled", status_changed_by: "integration", advisor_user_id: advisor.id, start_at: "2026-12-03T20:00:00.000Z" });

    const invalid = await callApi(upsertAppointment, { key, body: { customer_id: customer.id, start_at: "tomorrow", type: "" } });
    expect(invalid.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(["/start_at", "/type"]);

    const batch = await callApi(batchUpsertAppointments, {
      key,
      body: { appointments: [{ external_id: "APT-1", customer_id: customer.id, start_at: "2026-12-03T15:00:00-05:00", type: "Vidange", status: "confirmed" }, { external_id: "APT-2", customer: { mobile: "514 555 0999" }, start_at: "2026-12-04T09:00:00-05:00", type: "Pneus" }] },
    });
    expect(batch.body).toMatchObject({ created: 1, updated: 1 });
    expect(batch.body.ids[0]).toBe(created.body.id);
    const listed = await callApi(listAppointments, { key, query: "?status=confirmed" });
    expect(listed.body.data.map((a: { external_id: string }) => a.external_id)).toEqual(["APT-1"]);
  });
});

describe("users, conversations and messages", () => {
  it("lists users with their external id, reads conversations and messages, sends through the gate", async () => {
    const { company: garage, admin, key } = await company();
    await db().update(s.memberships).set({ externalId: "U-1" }).where(eq(s.memberships.userId, admin.id));
    const users = await callApi(listUsers, { key, query: "?external_id=U-1" });
    expect(users.body.data).toEqual([expect.objectContaining({ id: admin.id, external_id: "U-1", role: "admin", object: "user" })]);

    const customer = await createCustomer(db(), garage.id, { firstName: "Julie" });
    const sent = await callApi(sendMessage, { key, body: { customer_id: customer.id, body: "Bonjour { customer.first_name }, votre auto est prête." } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ object: "message", direction: "outbound", body: "Bonjour Julie, votre auto est prête.", customer_id: customer.id });
    expect(["queued", "sent", "delivered"]).toContain(sent.body.status);

    const messages = await callApi(listConversationMessages, { key, params: { id: sent.body.conversation_id } });
    expect(messages.body.data.map((m: { id: string }) => m.id)).toEqual([sent.body.id]);
    expect((await callApi(getConversation, { key, params: { id: sent.body.conversation_id } })).body).toMatchObject({ customer_id: customer.id, status: "open" });

    const optedOut = await createCustomer(db(), garage.id, { optedOutAt: new Date() });
    const refused = await callApi(sendMessage, { key, body: { customer_id: optedOut.id, body: "Promo" } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "opted_out", title: "Message refused" });
    const readOnly = await apiKeyFor(db(), garage.id, ["read", "write"]);
    expect((await callApi(sendMessage, { key: readOnly, body: { customer_id: customer.id, body: "Hi" } })).status).toBe(403);
    const stranger = await company();
    expect((await callApi(sendMessage, { key: stranger.key, body: { customer_id: customer.id, body: "Hi" } })).status).toBe(404);
  });
});

describe("the API sweep", () => {
  it("forgets Idempotency-Keys after 24 hours: the same key then runs the request again", async () => {
    const { key, company: garage } = await company();
    const body = { external_id: "S-1" };
    expect((await callApi(upsertCustomer, { key, body, headers: { "idempotency-key": "old" } })).status).toBe(201);
    await db().update(s.apiIdempotency).set({ createdAt: new Date(Date.now() - 25 * 3600_000) }).where(eq(s.apiIdempotency.companyId, garage.id));
    // Past 24 hours the key is free again even before the sweep removes the row.
    const rerun = await callApi(upsertCustomer, { key, body: { ...body, first_name: "Other" }, headers: { "idempotency-key": "old" } });
    expect(rerun.status).toBe(200);
    expect(rerun.headers.get("idempotent-replayed")).toBeNull();
    await db().update(s.apiIdempotency).set({ createdAt: new Date(Date.now() - 25 * 3600_000) }).where(eq(s.apiIdempotency.companyId, garage.id));
    expect((await sweepExpiredApiState(db())).idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(s.apiIdempotency).where(eq(s.apiIdempotency.companyId, garage.id))).toEqual([]);
  });
});

describe("keys and external ids across companies", () => {
  it("cannot revoke another company's key, and maps users by an external id no two users share", async () => {
    const mine = await company();
    const theirs = await company();
    const [theirKey] = await db().select().from(s.apiKeys).where(eq(s.apiKeys.companyId, theirs.company.id));
    expect(await revokeApiKey.run(contextFor(db(), mine.admin, mine.company.id), { id: theirKey!.id })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect((await callApi(listCustomers, { key: theirs.key })).status).toBe(200);

    const context = contextFor(db(), mine.admin, mine.company.id);
    const advisor = await createUser(db(), mine.company.id);
    expect(await setUserExternalId.run(context, { userId: advisor.id, externalId: " ADV-1 " })).toMatchObject({ ok: true, data: { externalId: "ADV-1" } });
    expect(await setUserExternalId.run(context, { userId: mine.admin.id, externalId: "ADV-1" })).toMatchObject({ ok: false, error: "api.users.externalIdTaken" });
    expect(await setUserExternalId.run(context, { userId: theirs.admin.id, externalId: "ADV-2" })).toMatchObject({ ok: false, error: "errors.notFound" });
    expect((await callApi(listUsers, { key: mine.key, query: "?external_id=ADV-1" })).body.data.map((u: { id: string }) => u.id)).toEqual([advisor.id]);
    expect(await setUserExternalId.run(context, { userId: advisor.id, externalId: "" })).toMatchObject({ ok: true, data: { externalId: null } });
  });
});

describe("request limits", () => {
  it("refuses a body over the cap (413), a non-JSON body (415), and a retry while the first request with its Idempotency-Key runs (409)", async () => {
    const { key, company: garage } = await company();
    const usual = apiSettings.bodyLimitBytes;
    apiSettings.bodyLimitBytes = () => 100;
    try {
      const large = await callApi(upsertCustomer, { key, body: { external_id: "L", first_name: "x".repeat(200) } });
      expect(large.status).toBe(413);
      expect(large.headers.get("content-type")).toBe("application/problem+json");
    } finally {
      apiSettings.bodyLimitBytes = usual;
    }
    expect((await callApi(upsertCustomer, { key, body: "external_id=L", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(415);

    const [keyRow] = await db().select().from(s.apiKeys).where(eq(s.apiKeys.companyId, garage.id));
    // The first request with this key and body is still running (its answer not stored yet).
    const requestHash = createHash("sha256").update(`POST /api/v1/customers\n${JSON.stringify({ external_id: "R" })}`).digest("hex");
    await db().insert(s.apiIdempotency).values({ companyId: garage.id, keyId: keyRow!.id, key: "running", requestHash });
    const busy = await callApi(upsertCustomer, { key, body: { external_id: "R" }, headers: { "idempotency-key": "running" } });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe("idempotency_in_progress");
  });
});
