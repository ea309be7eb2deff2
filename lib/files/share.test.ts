import { eq } from "drizzle-orm";
import { attachments, customerEvents, messages, notes } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { storeUpload } from "./files";
import { shareFile } from "./actions";
import { defaultStorage } from "./storage";

const database = withTestDatabase();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function setup() {
  const db = database.db;
  const company = await createCompany(db);
  const user = await createUser(db, company.id);
  const customer = await createCustomer(db, company.id);
  const conversation = await createConversation(db, company.id, customer.id);
  const file = await storeUpload(db, { companyId: company.id, userId: user.id, fileName: "soumission.pdf", declaredType: "application/pdf", body: PDF }, { storage: defaultStorage(), maxBytes: 1_000_000 });
  return { db, company, user, customer, conversation, file, context: contextFor(db, user, company.id) };
}

describe("sharing a file (EDIT-9)", () => {
  it("shares to a customer by message, as notes, and to a repair order, each with its own copy", async () => {
    const { db, company, customer, conversation, file, context } = await setup();
    const other = await createCustomer(db, company.id);
    const sent = await shareFile.run(context, { attachmentId: file.id, target: "message", customerId: other.id, text: "Voici la soumission" });
    expect(sent.ok).toBe(true);
    const [message] = await db.select().from(messages).where(eq(messages.customerId, other.id));
    expect(message!.body).toContain("Voici la soumission");
    const [copy] = await db.select().from(attachments).where(eq(attachments.messageId, message!.id));
    expect(copy).toMatchObject({ fileName: "soumission.pdf" });
    expect(copy!.storageKey).not.toBe(file.storageKey);

    expect((await shareFile.run(context, { attachmentId: file.id, target: "conversation_note", customerId: customer.id })).ok).toBe(true);
    expect((await shareFile.run(context, { attachmentId: file.id, target: "customer_note", customerId: customer.id, text: "Soumission signée" })).ok).toBe(true);
    const customerNotes = await db.select().from(notes).where(eq(notes.customerId, customer.id));
    expect(customerNotes.map((n) => [n.conversationId, n.body]).sort()).toEqual([[conversation.id, "soumission.pdf"], [null, "Soumission signée"]].sort());

    const [event] = await db.insert(customerEvents).values({ companyId: company.id, customerId: customer.id, number: "RO-1", title: "Freins" }).returning();
    expect(await shareFile.run(context, { attachmentId: file.id, target: "repair_order", customerId: customer.id, eventId: event!.id })).toEqual({ ok: true, data: { target: "repair_order", eventId: event!.id } });
    expect(await db.select().from(attachments).where(eq(attachments.eventId, event!.id))).toHaveLength(1);
  });

  it("refuses a message without text, and another company's file, customer or repair order", async () => {
    const { file, customer, context } = await setup();
    expect(await shareFile.run(context, { attachmentId: file.id, target: "message", customerId: customer.id, text: "" })).toMatchObject({ ok: false, fieldErrors: { text: ["conversations.emptyMessage"] } });
    const other = await setup();
    expect(await shareFile.run(context, { attachmentId: other.file.id, target: "customer_note", customerId: customer.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await shareFile.run(context, { attachmentId: file.id, target: "customer_note", customerId: other.customer.id })).toEqual({ ok: false, error: "errors.notFound" });
  });
});
