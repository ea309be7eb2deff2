import { and, asc, eq } from "drizzle-orm";
import { companies, conversations, customers, inboundSms, messages, notifications, webhookEndpoints, webhookEvents } from "@/db/schema";
import { drainSettled } from "@/lib/background/drain";
import { generateWebhookSecret } from "@/lib/webhooks/signing";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { acceptInboundSms } from "./accept";
import { acceptInboundSmsPart } from "./parts";
import { processPendingInbound } from "./queue";

const database = withTestDatabase();
let counter = 0;

const KNOWN = ["+14385550101", "+14385550102", "+14385550103"];
const STOPPER = "+14385550104";
const NEW_NUMBER = "+14385550199";
const MULTIPART = "+14385550105";

/**
 * One company's inbound burst: known customers texting their open conversations (one of
 * them twice), a new number, a STOP, a retried delivery whose message was already stored
 * (its provider id is a duplicate) and a two-part text; processed grouped or one by one.
 */
async function burst(oneByOne: boolean) {
  const db = database.db;
  const company = await createCompany(db, { name: "Garage Lebrun" });
  const agent = await createUser(db, company.id);
  // A second user who wants new messages by email only (the matrix decides per user).
  const emailOnly = await createUser(db, company.id, { notificationPreferences: { "conversations.new_message": { web: false, email: true, push: false } } });
  await db.update(companies).set({ defaultAssigneeUserId: agent.id }).where(eq(companies.id, company.id));
  await db.insert(webhookEndpoints).values({ companyId: company.id, url: "https://hooks.example.com/parley", eventTypes: ["message.received"], secret: generateWebhookSecret() });
  for (const [i, mobile] of [...KNOWN, STOPPER, MULTIPART].entries()) {
    const customer = await createCustomer(db, company.id, { mobile, language: "fr" });
    await createConversation(db, company.id, customer.id, { assigneeUserId: i === 1 ? emailOnly.id : agent.id });
  }
  const to = company.senderNumber!;
  const text = (from: string, body: string, providerMessageId = `grouped-${++counter}`) =>
    acceptInboundSms(db, { provider: "vonage", providerMessageId, from, to, text: body, receivedAt: new Date() });

  // Stored once already, then delivered again after its inbound row lost track (a crash between the two).
  const retried = `grouped-retried-${++counter}`;
  const { id: retriedId } = await text(KNOWN[2]!, "Déjà reçu", retried);
  await processPendingInbound(db, { oneByOne });
  await db.update(inboundSms).set({ processedAt: null, claimedAt: null, outcome: null, messageId: null }).where(eq(inboundSms.id, retriedId!));

  await text(KNOWN[0]!, "Bonjour, ma voiture est prête ?");
  await text(KNOWN[1]!, "Merci pour hier");
  await text(NEW_NUMBER, "Bonjour, je suis un nouveau client");
  await text(KNOWN[0]!, "Je passe à 17 h");
  await text(STOPPER, "STOP");
  await text(KNOWN[2]!, "Et la facture ?");
  const reference = `ref-${++counter}`;
  for (const [partNumber, body] of [[1, "Première partie, "], [2, "deuxième partie."]] as const) {
    await acceptInboundSmsPart(db, { provider: "vonage", from: MULTIPART, to, text: body, receivedAt: new Date(), partProviderId: `part-${++counter}`, reference, partNumber, totalParts: 2 });
  }
  let groups = 0;
  await processPendingInbound(db, { oneByOne, onStepTime: (step) => void (step === "grouped" && groups++) });
  await drainSettled();

  const mobileOf = new Map((await db.select().from(customers).where(eq(customers.companyId, company.id))).map((c) => [c.id, c]));
  const userName = new Map([[agent.id, "agent"], [emailOnly.id, "email-only"]]);
  const stored = await db.select().from(messages).where(and(eq(messages.companyId, company.id), eq(messages.direction, "inbound"))).orderBy(asc(messages.createdAt), asc(messages.id));
  const byMobile = (rows: { customerId: string }[]) => rows.map((row) => mobileOf.get(row.customerId)!.mobile);
  return {
    groups,
    messages: stored.map((m) => `${mobileOf.get(m.customerId)!.mobile}: ${m.body}`).sort(),
    perSender: Object.fromEntries(KNOWN.map((mobile) => [mobile, stored.filter((m) => mobileOf.get(m.customerId)!.mobile === mobile).map((m) => m.body)])),
    conversations: (await db.select().from(conversations).where(eq(conversations.companyId, company.id)))
      .map((c) => `${mobileOf.get(c.customerId)!.mobile} ${c.status} ${c.lastMessageDirection} ${c.lastMessagePreview}`)
      .sort(),
    notifications: (await db.select().from(notifications).where(and(eq(notifications.companyId, company.id), eq(notifications.kind, "conversation.new_message"))))
      .map((n) => `${userName.get(n.userId)} web=${n.web} email=${n.emailStatus ?? "none"} ${(n.data as { preview: string }).preview}`)
      .sort(),
    events: (await db.select().from(webhookEvents).where(eq(webhookEvents.companyId, company.id))).map((e) => `${e.type} ${(e.payload as { message?: { body: string } }).message?.body ?? ""}`).sort(),
    optedOut: byMobile((await db.select().from(customers).where(eq(customers.companyId, company.id))).filter((c) => c.optedOutAt).map((c) => ({ customerId: c.id }))),
    outcomes: (await db.select().from(inboundSms).where(eq(inboundSms.toNumber, to))).map((row) => `${row.fromNumber} ${row.outcome} ${row.processedAt ? "processed" : "pending"}`).sort(),
  };
}

describe("grouped inbound processing", () => {
  it("stores a mixed burst exactly as one by one: messages, summaries, notifications per matrix, webhook events, STOP, no duplicate", async () => {
    const grouped = await burst(false);
    const oneByOne = await burst(true);
    expect(grouped.groups).toBeGreaterThan(0);
    expect(oneByOne.groups).toBe(0);
    expect({ ...grouped, groups: 0 }).toEqual(oneByOne);

    // And what that outcome is.
    expect(grouped.messages).toHaveLength(8);
    expect(grouped.messages.filter((m) => m.endsWith("Déjà reçu"))).toHaveLength(1);
    expect(grouped.perSender[KNOWN[0]!]).toEqual(["Bonjour, ma voiture est prête ?", "Je passe à 17 h"]);
    expect(grouped.messages).toContain(`${NEW_NUMBER}: Bonjour, je suis un nouveau client`);
    expect(grouped.messages).toContain(`${MULTIPART}: Première partie, deuxième partie.`);
    expect(grouped.conversations).toContain(`${KNOWN[0]} open inbound Je passe à 17 h`);
    expect(grouped.optedOut).toEqual([STOPPER]);
    expect(grouped.notifications.filter((n) => n.startsWith("email-only"))).toEqual([expect.stringMatching(/^email-only web=false email=(pending|sent) Merci pour hier$/)]);
    expect(grouped.notifications).toContain("agent web=true email=none Je passe à 17 h");
    expect(grouped.events.filter((e) => e.startsWith("message.received"))).toHaveLength(8);
    expect(grouped.outcomes.filter((o) => o.includes("duplicate"))).toEqual([`${KNOWN[2]} duplicate processed`]);
    expect(grouped.outcomes.every((o) => o.endsWith("processed"))).toBe(true);
  });
});
