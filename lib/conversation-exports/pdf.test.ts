import { extractText, getDocumentProxy } from "unpdf";
import type { Db } from "@/db/client";
import { attachments, messages, notes } from "@/db/schema";
import { dayRange } from "@/lib/time";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { buildConversationPdf } from "./pdf";

const database = withTestDatabase();

async function pdfText(pdf: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

type Line = { at: string; body: string; direction?: "inbound" | "outbound"; sourceKind?: (typeof messages.$inferInsert)["sourceKind"]; senderUserId?: string | null; status?: (typeof messages.$inferInsert)["status"] };

async function conversationWith(db: Db, lines: Line[]) {
  const company = await createCompany(db, { name: "Beaulieu Automobiles", timezone: "America/Toronto" });
  const agent = await createUser(db, company.id, { name: "Marie Gagnon", language: "fr" });
  const customer = await createCustomer(db, company.id, { firstName: "Zoé", lastName: "Bélanger", mobile: "+15145550123" });
  const conversation = await createConversation(db, company.id, customer.id);
  const rows = await db
    .insert(messages)
    .values(
      lines.map((line) => ({
        companyId: company.id,
        conversationId: conversation.id,
        customerId: customer.id,
        direction: line.direction ?? "outbound",
        body: line.body,
        sourceKind: line.sourceKind ?? (line.direction === "inbound" ? "customer" : "manual"),
        senderUserId: line.senderUserId === undefined ? (line.direction === "inbound" ? null : agent.id) : line.senderUserId,
        status: line.status ?? (line.direction === "inbound" ? "received" : "delivered"),
        createdAt: new Date(line.at),
      })),
    )
    .returning({ id: messages.id });
  return { company, agent, customer, conversation, messageIds: rows.map((row) => row.id) };
}

const request = (c: { company: { id: string }; conversation: { id: string } }, extra: Partial<Parameters<typeof buildConversationPdf>[1]> = {}) => ({
  companyId: c.company.id,
  conversationId: c.conversation.id,
  range: { from: null, to: null },
  includeNotes: true,
  locale: "fr" as const,
  requesterName: "Marie Gagnon",
  ...extra,
});

describe("buildConversationPdf", () => {
  it("lists every message in order with its sender, time in the company's zone, source and status, accents and emoji intact", async () => {
    const c = await conversationWith(database.db, [
      { at: "2026-11-02T14:05:00Z", body: "Bonjour, votre véhicule est prêt 🚗", status: "delivered" },
      { at: "2026-11-02T14:20:00Z", body: "Déjà été à l'hôpital, je passe demain", direction: "inbound" },
      { at: "2026-11-03T09:00:00Z", body: "Rappel : rendez-vous demain", sourceKind: "automation", senderUserId: null, status: "failed" },
      { at: "2026-11-04T12:00:00Z", body: "Promo pneus d'hiver", sourceKind: "campaign", senderUserId: null, status: "sent" },
    ]);
    const { pdf, pageCount } = await buildConversationPdf(database.db, request(c));
    const text = await pdfText(pdf);
    expect(pageCount).toBe(1);
    expect(text).toContain("Beaulieu Automobiles");
    expect(text).toContain("Client : Zoé Bélanger · (514) 555-0123");
    expect(text).toContain("Période : toute la conversation");
    const order = [
      "09 h 05 · Marie Gagnon (équipe) · Saisi par l'équipe · Livré",
      "Bonjour, votre véhicule est prêt 🚗",
      "09 h 20 · Zoé Bélanger (client) · SMS du client · Reçu",
      "Déjà été à l'hôpital, je passe demain",
      "Automatisation · Automatisation · Non livré",
      "Rappel : rendez-vous demain",
      "Campagne · Campagne · Envoyé",
      "Promo pneus d'hiver",
      "Page 1 / 1",
    ].map((part) => text.indexOf(part));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("keeps only the messages of the date range", async () => {
    const c = await conversationWith(database.db, [
      { at: "2026-11-01T15:00:00Z", body: "Avant la période" },
      { at: "2026-11-02T15:00:00Z", body: "Pendant la période" },
      { at: "2026-11-03T15:00:00Z", body: "Après la période" },
    ]);
    const { pdf } = await buildConversationPdf(database.db, request(c, { range: { from: dayRange("2026-11-02", "America/Toronto").start, to: dayRange("2026-11-02", "America/Toronto").end } }));
    const text = await pdfText(pdf);
    expect(text).toContain("Pendant la période");
    expect(text).not.toContain("Avant la période");
    expect(text).not.toContain("Après la période");
    expect(text).toContain("Période : du 2 nov. 2026 au 2 nov. 2026");
  });

  it("marks notes as internal and leaves them out when excluded; lists attachments by file name; English for an English requester", async () => {
    const c = await conversationWith(database.db, [
      { at: "2026-11-02T14:00:00Z", body: "Here is your invoice" },
      { at: "2026-11-02T16:00:00Z", body: "Thanks!", direction: "inbound" },
    ]);
    const file = { companyId: c.company.id, contentType: "application/pdf", sizeBytes: 10, storageKey: "k", publicToken: `t-${c.messageIds[0]}` };
    await database.db.insert(attachments).values({ ...file, messageId: c.messageIds[0], fileName: "facture-1234.pdf" });
    await database.db.insert(notes).values({ companyId: c.company.id, customerId: c.customer.id, conversationId: c.conversation.id, authorUserId: c.agent.id, body: "Client pressé, rappeler", createdAt: new Date("2026-11-02T15:00:00Z") });

    const withNotes = await pdfText((await buildConversationPdf(database.db, request(c, { locale: "en" }))).pdf);
    expect(withNotes).toContain("Attachments: facture-1234.pdf");
    const positions = ["Here is your invoice", "INTERNAL NOTE · Nov 2, 2026 · 10:00 a.m. · Marie Gagnon", "Client pressé, rappeler", "Thanks!"].map((part) => withNotes.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const without = await pdfText((await buildConversationPdf(database.db, request(c, { locale: "en", includeNotes: false }))).pdf);
    expect(without).not.toContain("Client pressé");
    expect(without).not.toContain("INTERNAL NOTE");
    expect(without).toContain("Thanks!");
  });

  it("refuses another company's conversation", async () => {
    const c = await conversationWith(database.db, [{ at: "2026-11-02T14:00:00Z", body: "Secret" }]);
    const other = await createCompany(database.db);
    await expect(buildConversationPdf(database.db, request(c, { companyId: other.id }))).rejects.toThrow();
  });
});
