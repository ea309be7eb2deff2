import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { GET as download } from "@/app/api/conversation-exports/[id]/route";
import { findConversationExport } from "@/db/queries/conversation-exports";
import { conversationExports, memberships, messages, notifications, outboxEmails } from "@/db/schema";
import { outboxMailer, smtpMailer } from "@/lib/email/mailer";
import { defaultStorage } from "@/lib/files/storage";
import { exportConversation } from "@/inngest/functions/conversations/export-conversation";
import { sweepFunctions } from "@/inngest/functions/sweeps";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { startSmtpServer } from "@/tests/fakes/smtp";
import { conversationExportProgress, requestConversationExport } from "./actions";
import { exportDrainSettled } from "./queue";
import { runConversationExport } from "./run";

const database = withTestDatabase();

async function pdfText(pdf: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function setup() {
  const db = database.db;
  const company = await createCompany(db, { name: "Garage Lévesque" });
  const agent = await createUser(db, company.id, { role: "agent", language: "en", name: "Sam Roy", permissions: { exportConversations: true } });
  const customer = await createCustomer(db, company.id, { firstName: "Élise", lastName: "Côté" });
  const conversation = await createConversation(db, company.id, customer.id);
  await db.insert(messages).values({
    companyId: company.id,
    conversationId: conversation.id,
    customerId: customer.id,
    direction: "inbound",
    body: "Déjà été à l'hôpital",
    sourceKind: "customer",
    status: "received",
  });
  return { company, agent, customer, conversation };
}

const outboxFor = (to: string) => database.db.select().from(outboxEmails).where(eq(outboxEmails.to, to));

describe("conversation export to PDF", () => {
  it("emails the requester the PDF once, as an attachment, and notifies them — even when the job runs again", async () => {
    const { agent, company, conversation } = await setup();
    const requested = await requestConversationExport.run(contextFor(database.db, agent, company.id), { conversationId: conversation.id, scope: "all", includeNotes: true });
    expect(requested).toMatchObject({ ok: true, data: { status: "pending" } });
    await exportDrainSettled();
    const id = requested.ok ? requested.data.id : "";
    await runConversationExport(database.db, id, { mailer: outboxMailer(database.db) });
    await new InngestTestEngine({ function: exportConversation, events: [{ name: "conversation/export.requested", data: { exportId: id } }] }).execute();

    const emails = await outboxFor(agent.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Conversation with Élise Côté (PDF)");
    expect(emails[0]!.attachments).toEqual([expect.objectContaining({ fileName: expect.stringMatching(/^conversation-elise-cote-\d{4}-\d{2}-\d{2}\.pdf$/), contentType: "application/pdf" })]);
    const pdf = await defaultStorage().get(emails[0]!.attachments[0]!.storageKey);
    expect(await pdfText(pdf!)).toContain("Élise Côté (customer) · SMS from the customer · Received Déjà été à l'hôpital");

    expect(await findConversationExport(database.db, { companyId: company.id, exportId: id })).toMatchObject({ status: "ready", pageCount: 1, storageKey: null });
    const notices = await database.db.select().from(notifications).where(eq(notifications.userId, agent.id));
    expect(notices.map((notice) => notice.kind)).toEqual(["conversation.export_ready"]);
    const progress = await conversationExportProgress.run(contextFor(database.db, agent, company.id), { conversationId: conversation.id });
    expect(progress).toMatchObject({ ok: true, data: { id, status: "ready", pageCount: 1 } });
  });

  it("sends the PDF attached over SMTP", async () => {
    const smtp = await startSmtpServer();
    try {
      const { agent, company, conversation } = await setup();
      const [row] = await database.db.insert(conversationExports).values({ companyId: company.id, conversationId: conversation.id, requestedByUserId: agent.id }).returning();
      await runConversationExport(database.db, row!.id, { mailer: smtpMailer(smtp.url, "Parley <no-reply@parley.test>") });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual([agent.email]);
      expect(smtp.received[0]!.raw).toMatch(/Content-Type: application\/pdf; name=conversation-elise-cote-/);
    } finally {
      await smtp.close();
    }
  });

  it("sends a signed download link instead when the PDF is large, and the link refuses a forged signature", async () => {
    const { agent, company, conversation } = await setup();
    const [row] = await database.db.insert(conversationExports).values({ companyId: company.id, conversationId: conversation.id, requestedByUserId: agent.id }).returning();
    await runConversationExport(database.db, row!.id, { mailer: outboxMailer(database.db), maxAttachmentBytes: 1000, appUrl: "https://sms.example" });
    const [email] = await outboxFor(agent.email);
    expect(email!.attachments).toEqual([]);
    const link = /https:\/\/sms\.example(\/api\/conversation-exports\/\S+)/.exec(email!.text)?.[1];
    expect(link).toBeDefined();
    const params = { params: Promise.resolve({ id: row!.id }) };
    const response = await download(new Request(`http://localhost${link}`), params);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(await pdfText(new Uint8Array(await response.arrayBuffer()))).toContain("Déjà été à l'hôpital");
    const forged = await download(new Request(`http://localhost${link!.replace(/signature=[^&]+/, "signature=forged")}`), params);
    expect(forged.status).toBe(404);
  });

  it("does not let another company export the conversation, nor see its exports", async () => {
    const { agent, company, conversation } = await setup();
    await requestConversationExport.run(contextFor(database.db, agent, company.id), { conversationId: conversation.id, scope: "all" });
    await exportDrainSettled();
    const other = await createCompany(database.db);
    const stranger = await createUser(database.db, other.id, { role: "admin" });
    const result = await requestConversationExport.run(contextFor(database.db, stranger, other.id), { conversationId: conversation.id, scope: "all" });
    expect(result).toEqual({ ok: false, error: "errors.notFound" });
    expect(await database.db.select().from(conversationExports).where(eq(conversationExports.companyId, other.id))).toEqual([]);
    expect(await conversationExportProgress.run(contextFor(database.db, stranger, other.id), { conversationId: conversation.id })).toEqual({ ok: true, data: null });
  });

  it("asks for both dates of a range, in order", async () => {
    const { agent, company, conversation } = await setup();
    const context = contextFor(database.db, agent, company.id);
    expect(await requestConversationExport.run(context, { conversationId: conversation.id, scope: "range", from: "2026-11-02" })).toMatchObject({
      ok: false,
      fieldErrors: { from: ["conversationExport.errors.rangeRequired"] },
    });
    expect(await requestConversationExport.run(context, { conversationId: conversation.id, scope: "range", from: "2026-11-05", to: "2026-11-02" })).toMatchObject({
      ok: false,
      fieldErrors: { to: ["conversationExport.errors.rangeOrder"] },
    });
  });

  it("sends nothing to a requester whose export permission was taken away before the PDF was built", async () => {
    const { agent, company, conversation } = await setup();
    const [row] = await database.db.insert(conversationExports).values({ companyId: company.id, conversationId: conversation.id, requestedByUserId: agent.id }).returning();
    await database.db.update(memberships).set({ permissions: {} }).where(eq(memberships.userId, agent.id));

    await runConversationExport(database.db, row!.id, { mailer: outboxMailer(database.db) });

    expect(await outboxFor(agent.email)).toHaveLength(0);
    expect((await findConversationExport(database.db, { companyId: company.id, exportId: row!.id }))!.status).toBe("failed");
  });

  it("the sweep builds an export nothing picked up", async () => {
    const { agent, company, conversation } = await setup();
    const [row] = await database.db
      .insert(conversationExports)
      .values({ companyId: company.id, conversationId: conversation.id, requestedByUserId: agent.id, createdAt: new Date(Date.now() - 60_000) })
      .returning();
    const sweep = sweepFunctions.find((fn) => fn.id("parley").endsWith("run-conversation-exports"))!;
    const { result } = await new InngestTestEngine({ function: sweep }).execute();
    expect(result).toMatchObject({ exports: 1, done: 1 });
    expect((await findConversationExport(database.db, { companyId: company.id, exportId: row!.id }))!.status).toBe("ready");
    expect(await outboxFor(agent.email)).toHaveLength(1);
  });
});
