import * as s from "@/db/schema";
import type { Db } from "@/db/client";
import { zonedLocalToUtc } from "@/lib/time";
import { createCompany, createConversation, createCustomer, createTeam, createUser } from "@/tests/factories";

export const REPORT_TZ = "America/Toronto";
const TZ = REPORT_TZ;
const at = (local: string) => zonedLocalToUtc(local, TZ);

let tokens = 0;
const token = () => `report-token-${tokens++}-${Math.random().toString(36).slice(2)}`;

/**
 * Two companies in Toronto with a week of everything reports count, from Monday 2026-10-19
 * to Monday 2026-11-02, across the change to standard time (Sunday 2026-11-01, 2 a.m.).
 */
export async function createReportFixture(db: Db) {
  const company = await createCompany(db, { timezone: TZ, unansweredAfterHours: 4 });
  const other = await createCompany(db, { timezone: TZ });
  const alice = await createUser(db, company.id, { role: "admin", name: "Alice Admin" });
  const bob = await createUser(db, company.id, { role: "agent", name: "Bob Agent" });
  const intruder = await createUser(db, other.id, { role: "admin", name: "Other Admin" });
  const service = await createTeam(db, company.id, [alice.id], "Service");
  const ventes = await createTeam(db, company.id, [bob.id], "Ventes");
  const [c1, c2, c3, c4] = await Promise.all([1, 2, 3, 4].map(() => createCustomer(db, company.id)));

  const conv1 = await createConversation(db, company.id, c1!.id, { assigneeUserId: alice.id, status: "closed", closedAt: at("2026-10-28T10:00") });
  const conv2 = await createConversation(db, company.id, c2!.id, { assigneeUserId: bob.id });
  // Closed on Sunday night after the change to standard time: still last week.
  const conv3 = await createConversation(db, company.id, c3!.id, { assigneeTeamId: ventes.id, status: "closed", closedAt: at("2026-11-01T23:45") });
  const conv4 = await createConversation(db, company.id, c4!.id, { assigneeUserId: alice.id });
  const message = (conversation: typeof conv1, local: string, direction: "inbound" | "outbound", senderUserId: string | null = null) => ({
    companyId: company.id,
    conversationId: conversation.id,
    customerId: conversation.customerId,
    direction,
    body: "…",
    sourceKind: direction === "inbound" ? ("customer" as const) : senderUserId ? ("manual" as const) : ("automation" as const),
    status: direction === "inbound" ? ("received" as const) : ("delivered" as const),
    senderUserId,
    createdAt: at(local),
  });
  await db.insert(s.messages).values([
    message(conv1, "2026-10-27T09:00", "inbound"),
    message(conv1, "2026-10-27T09:05", "inbound"),
    message(conv1, "2026-10-27T09:10", "outbound", alice.id),
    message(conv1, "2026-10-27T10:00", "outbound"),
    message(conv1, "2026-10-27T11:00", "inbound"),
    message(conv1, "2026-10-27T17:00", "outbound", bob.id),
    message(conv2, "2026-10-20T10:00", "inbound"),
    message(conv2, "2026-10-20T10:30", "outbound", bob.id),
    message(conv2, "2026-10-29T08:00", "inbound"),
    message(conv2, "2026-10-29T08:20", "outbound", bob.id),
    message(conv3, "2026-11-01T23:30", "inbound"),
    message(conv3, "2026-11-02T00:30", "inbound"),
    message(conv4, "2026-10-25T23:30", "inbound"),
    message(conv4, "2026-10-26T00:30", "outbound", alice.id),
  ]);

  const appointment = (local: string, status: (typeof s.appointments.$inferInsert)["status"] & string) => ({ companyId: company.id, customerId: c1!.id, startAt: at(local), status });
  await db.insert(s.appointments).values([
    appointment("2026-10-26T00:30", "no_show"),
    appointment("2026-10-27T10:00", "confirmed"),
    appointment("2026-10-28T10:00", "confirmed"),
    appointment("2026-10-29T10:00", "cancelled"),
    appointment("2026-10-30T10:00", "completed"),
    appointment("2026-11-02T00:30", "confirmed"),
  ]);

  const [automation] = await db.insert(s.automations).values({ companyId: company.id, name: "Rappel" }).returning();
  const result = (key: string, sent: string | null, replied: string | null, appointmentStatus: string | null = null) => ({
    companyId: company.id,
    automationId: automation!.id,
    customerId: c1!.id,
    triggerKey: key,
    status: sent ? ("sent" as const) : ("pending" as const),
    sentAt: sent ? at(sent) : null,
    repliedAt: replied ? at(replied) : null,
    appointmentStatus,
  });
  await db.insert(s.automationResults).values([
    result("a", "2026-10-27T08:00", "2026-10-27T08:30", "confirmed"),
    result("b", "2026-10-28T08:00", "2026-10-28T09:00"),
    result("c", "2026-10-29T08:00", null),
    result("d", null, null),
  ]);

  const [campaign] = await db.insert(s.campaigns).values({ companyId: company.id, name: "Pneus d'hiver" }).returning();
  await db.insert(s.campaignRecipients).values([
    { companyId: company.id, campaignId: campaign!.id, customerId: c1!.id, status: "sent", sentAt: at("2026-10-27T09:00"), repliedAt: at("2026-10-27T09:30") },
    { companyId: company.id, campaignId: campaign!.id, customerId: c2!.id, status: "sent", sentAt: at("2026-10-27T09:00"), optedOutAt: at("2026-10-27T10:00") },
    { companyId: company.id, campaignId: campaign!.id, customerId: c3!.id, status: "sent", sentAt: at("2026-10-19T09:00") },
  ]);

  const payment = (companyId: string, customerId: string, amountCents: number, status: s.PaymentRequestStatus, paid: string | null) => ({
    companyId,
    customerId,
    amountCents,
    currency: "CAD",
    reference: "RO-1",
    status,
    publicToken: token(),
    paidAt: paid ? at(paid) : null,
  });
  const review = (companyId: string, customerId: string, rating: number | null, submitted: string | null) => ({ companyId, customerId, publicToken: token(), rating, submittedAt: submitted ? at(submitted) : null });
  const consent = (customerId: string, kind: s.ConsentKind, scope: s.ConsentScope, local: string, companyId = company.id) => ({ companyId, customerId, kind, scope, source: "sms_keyword" as const, createdAt: at(local) });
  await db.insert(s.paymentRequests).values([
    payment(company.id, c1!.id, 10_000, "paid", "2026-10-27T12:00"),
    payment(company.id, c2!.id, 28_995, "paid", "2026-10-31T12:00"),
    payment(company.id, c3!.id, 5_000, "pending", null),
    payment(company.id, c4!.id, 7_000, "paid", "2026-11-02T00:30"),
  ]);
  await db.insert(s.reviews).values([
    review(company.id, c1!.id, 5, "2026-10-27T12:00"),
    review(company.id, c2!.id, 4, "2026-10-28T12:00"),
    review(company.id, c3!.id, 5, "2026-10-29T12:00"),
    review(company.id, c4!.id, 1, "2026-10-30T12:00"),
    review(company.id, c4!.id, null, null),
  ]);
  await db.insert(s.consentEvents).values([
    consent(c1!.id, "opt_out", "all", "2026-10-27T12:00"),
    consent(c1!.id, "opt_out", "marketing", "2026-10-28T12:00"),
    consent(c2!.id, "opt_out", "general", "2026-10-29T12:00"),
    consent(c3!.id, "opt_in", "all", "2026-10-29T12:00"),
  ]);

  // Company B, busy the same week: none of it may reach company A's figures.
  const stranger = await createCustomer(db, other.id);
  const strangerConversation = await createConversation(db, other.id, stranger.id, { status: "closed", closedAt: at("2026-10-28T10:00"), assigneeUserId: intruder.id });
  await db.insert(s.messages).values([
    { ...message(strangerConversation, "2026-10-27T09:00", "inbound"), companyId: other.id },
    { ...message(strangerConversation, "2026-10-27T09:01", "outbound", intruder.id), companyId: other.id },
  ]);
  await db.insert(s.appointments).values({ companyId: other.id, customerId: stranger.id, startAt: at("2026-10-27T10:00"), status: "no_show" });
  await db.insert(s.paymentRequests).values(payment(other.id, stranger.id, 99_999, "paid", "2026-10-27T12:00"));
  await db.insert(s.reviews).values(review(other.id, stranger.id, 2, "2026-10-27T12:00"));
  await db.insert(s.consentEvents).values(consent(stranger.id, "opt_out", "all", "2026-10-27T12:00", other.id));
  await createTeam(db, other.id, [intruder.id], "Autre");

  return { company, other, alice, bob, intruder, service, ventes };
}

export type ReportFixture = Awaited<ReturnType<typeof createReportFixture>>;
