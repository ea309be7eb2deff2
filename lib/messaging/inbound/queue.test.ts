import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { conversations, inboundSms, messages } from "@/db/schema";
import { processInboundSms } from "@/inngest/functions/messaging/process-inbound-sms";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer } from "@/tests/factories";
import { acceptInboundSms } from "./accept";
import { processPendingInbound } from "./queue";

const database = withTestDatabase();
let counter = 0;
const sms = (to: string, from: string, text: string, receivedAt = new Date()) => ({
  provider: "vonage" as const,
  providerMessageId: `queue-${++counter}-${Date.now()}`,
  from,
  to,
  text,
  receivedAt,
});

describe("the inbound queue", () => {
  it("stores a message once, then turns it into a conversation message", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const message = sms(company.senderNumber!, customer.mobile!, "Bonjour");
    expect((await acceptInboundSms(db, message)).status).toBe("accepted");
    expect((await acceptInboundSms(db, message)).status).toBe("duplicate");
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toEqual([]);

    await processPendingInbound(db);
    const [stored] = await db.select().from(messages).where(eq(messages.customerId, customer.id));
    expect(stored!.body).toBe("Bonjour");
    const [row] = await db.select().from(inboundSms).where(eq(inboundSms.providerMessageId, message.providerMessageId));
    expect(row).toMatchObject({ outcome: "stored", messageId: stored!.id, attempts: 1 });
    expect(row!.processedAt).not.toBeNull();
  });

  it("keeps one sender's messages in order", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const start = Date.now() - 60_000;
    for (let i = 1; i <= 5; i++) await acceptInboundSms(db, sms(company.senderNumber!, customer.mobile!, `Message ${i}`, new Date(start + i * 1000)));
    await processPendingInbound(db, { batchSize: 2 });
    const [conversation] = await db.select().from(conversations).where(eq(conversations.customerId, customer.id));
    expect(conversation!.lastMessagePreview).toBe("Message 5");
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toHaveLength(5);
  });

  it("records a message to a number no company uses, without a conversation", async () => {
    const db = database.db;
    const message = sms("+15145550000", "+15145551234", "Allô?");
    await acceptInboundSms(db, message);
    await processPendingInbound(db);
    const [row] = await db.select().from(inboundSms).where(eq(inboundSms.providerMessageId, message.providerMessageId));
    expect(row).toMatchObject({ outcome: "unknown_recipient", messageId: null });
  });

  it("leaves a message another worker is handling, and takes it back when that worker vanished", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const message = sms(company.senderNumber!, customer.mobile!, "Repris");
    const { id } = await acceptInboundSms(db, message);
    await db.update(inboundSms).set({ claimedAt: new Date() }).where(eq(inboundSms.id, id!));
    await processPendingInbound(db);
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toEqual([]);
    await db.update(inboundSms).set({ claimedAt: new Date(Date.now() - 5 * 60_000) }).where(eq(inboundSms.id, id!));
    await processPendingInbound(db);
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toHaveLength(1);
  });

  it("is drained by the process-inbound-sms Inngest function", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const { id } = await acceptInboundSms(db, sms(company.senderNumber!, customer.mobile!, "Par Inngest"));
    const t = new InngestTestEngine({ function: processInboundSms, events: [{ name: "sms/inbound.received", data: { id: id! } }] });
    const { result } = await t.execute();
    expect(result).toMatchObject({ processed: expect.any(Number) });
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toHaveLength(1);
  });

  it("takes back, within seconds, a claim stranded by a database blip", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const { id } = await acceptInboundSms(db, sms(company.senderNumber!, customer.mobile!, "Après la panne"));
    // The worker claimed it, then lost the database before it could release the claim.
    await db.update(inboundSms).set({ claimedAt: new Date(Date.now() - 15_000), attempts: 1 }).where(eq(inboundSms.id, id!));
    await processPendingInbound(db);
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toHaveLength(1);
  });

  it("releases the claim of a message whose processing failed, so the next pass retries it at once", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const customer = await createCustomer(db, company.id);
    const { id } = await acceptInboundSms(db, sms(company.senderNumber!, customer.mobile!, "Réessayé"));
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    await processPendingInbound(db, {
      afterStep: () => {
        throw new Error("connection terminated");
      },
    });
    consoleError.mockRestore();
    const [released] = await db.select().from(inboundSms).where(eq(inboundSms.id, id!));
    expect(released).toMatchObject({ claimedAt: null, processedAt: null, lastError: expect.stringContaining("connection terminated") });
    await processPendingInbound(db);
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toHaveLength(1);
  });
});
