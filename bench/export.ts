/**
 * A 2,000-message conversation (with notes and attachments) to PDF, as the export job
 * builds it: read in keyset pages, laid out by pdfkit. Goal: < 5 s.
 *
 *   npm run bench:export                       (embedded PGlite, in memory)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:export
 */
import { migrateDatabase, openPglite, openPostgres } from "@/db/client";
import * as s from "@/db/schema";
import { buildConversationPdf } from "@/lib/conversation-exports/pdf";

const COUNT = Number(process.env.BENCH_MESSAGES ?? 2000);
const url = process.env.BENCH_DATABASE_URL;

async function main() {
  const { db, close } = url ? await openPostgres(url) : await openPglite();
  await migrateDatabase(db, url ? "pg" : "pglite");

  const [company] = await db.insert(s.companies).values({ name: "Beaulieu Automobiles (bench export)" }).returning();
  const [user] = await db.insert(s.users).values({ email: `bench-export-${Date.now()}@parley.test`, name: "Marie-Claude Tremblay", passwordHash: "x" }).returning();
  const [customer] = await db.insert(s.customers).values({ companyId: company!.id, firstName: "Zoé", lastName: "Bélanger", mobile: `+1514${String(Date.now()).slice(-7)}`, searchText: "zoe belanger" }).returning();
  const [conversation] = await db.insert(s.conversations).values({ companyId: company!.id, customerId: customer!.id }).returning();
  const start = Date.parse("2026-01-05T13:00:00Z");
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const inbound = i % 2 === 1;
    return {
      companyId: company!.id,
      conversationId: conversation!.id,
      customerId: customer!.id,
      direction: inbound ? ("inbound" as const) : ("outbound" as const),
      body: inbound ? `Merci, j'arrive vers ${8 + (i % 9)} h. Déjà été à l'hôpital ce matin ${process.env.BENCH_NO_EMOJI ? '' : '🙂'} (${i})` : `Bonjour Zoé, votre véhicule sera prêt à ${8 + (i % 9)} h 30. Le coût estimé des réparations est de ${100 + i} $, taxes en sus. Répondez OUI pour confirmer. (${i})`,
      sourceKind: inbound ? ("customer" as const) : i % 10 === 0 ? ("automation" as const) : ("manual" as const),
      senderUserId: inbound || i % 10 === 0 ? null : user!.id,
      status: inbound ? ("received" as const) : ("delivered" as const),
      createdAt: new Date(start + i * 37 * 60_000),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(s.messages).values(rows.slice(i, i + 500));
  await db.insert(s.notes).values(Array.from({ length: COUNT / 20 }, (_, i) => ({ companyId: company!.id, customerId: customer!.id, conversationId: conversation!.id, authorUserId: user!.id, body: `Note interne ${i} : rappeler après la livraison des pièces.`, createdAt: new Date(start + i * 20 * 37 * 60_000 + 60_000) })));

  const began = performance.now();
  const { pdf, pageCount } = await buildConversationPdf(db, {
    companyId: company!.id,
    conversationId: conversation!.id,
    range: { from: null, to: null },
    includeNotes: true,
    locale: "fr",
    requesterName: user!.name,
  });
  const elapsed = performance.now() - began;
  console.log(`${COUNT.toLocaleString("en")} messages + ${COUNT / 20} notes → ${pageCount} pages, ${(pdf.length / 1024 / 1024).toFixed(2)} MB in ${(elapsed / 1000).toFixed(2)} s (goal < 5 s) on ${url ? "PostgreSQL" : "PGlite"}`);
  await close();
}

void main();
