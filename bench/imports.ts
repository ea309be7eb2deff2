/**
 * Customer import throughput: generates a CSV of BENCH_ROWS customers (1 in 50 with a bad
 * phone number), uploads it the way the page does, then runs the import in one go and
 * prints rows/s for parsing and for the whole run; a second run of the same file shows
 * the update path. Embedded PGlite in memory unless DATABASE_URL points at PostgreSQL.
 *
 *   npm run bench:imports                       # 100k rows on PGlite
 *   BENCH_ROWS=50000 DATABASE_URL=postgres://…/parley_bench npm run bench:imports
 *
 * Goal: 100,000 rows in under a minute.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres } from "@/db/client";
import { findImport } from "@/db/queries/imports";
import { companies, imports, memberships, users } from "@/db/schema";
import { localStorage } from "@/lib/files/storage";
import { createImport } from "@/lib/imports/imports";
import { parseImportFile } from "@/lib/imports/parse";
import { runImport } from "@/lib/imports/run";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

function generateCsv(rows: number) {
  const lines = ["Prénom,Nom,Cellulaire,Courriel,No client,Langue"];
  for (let i = 0; i < rows; i++) {
    const phone = i % 50 === 49 ? "555-01" : `+1 514 ${String(200 + Math.floor(i / 10_000)).padStart(3, "0")} ${String(i % 10_000).padStart(4, "0")}`;
    lines.push(`Client${i},Famille${i % 997},${phone},client${i}@example.com,BENCH-${i},${i % 3 ? "fr" : "en"}`);
  }
  return Buffer.from(lines.join("\n"));
}

async function openDatabase() {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith("postgres")) {
    const { db, close } = await openPostgres(url, { max: 4 });
    await migrateDatabase(db, "pg");
    return { db, close, label: "PostgreSQL" };
  }
  const { db, close } = await openPglite();
  await migrateDatabase(db, "pglite");
  return { db, close, label: "PGlite (in memory)" };
}

async function main() {
  const { db, close, label } = await openDatabase();
  const folder = await mkdtemp(path.join(tmpdir(), "parley-bench-imports-"));
  const storage = localStorage(folder);
  try {
    const [company] = await db.insert(companies).values({ name: `Bench imports ${Date.now()}`, senderNumber: "+15145550998" }).returning();
    const [user] = await db.insert(users).values({ email: `bench-${Date.now()}@parley.test`, name: "Bench", passwordHash: "x" }).returning();
    await db.insert(memberships).values({ companyId: company!.id, userId: user!.id, role: "admin" });
    const context = { db, companyId: company!.id, userId: user!.id, role: "admin" as const };
    const body = generateCsv(ROWS);
    console.log(`${ROWS.toLocaleString("en")} rows, ${(body.length / 1024 / 1024).toFixed(1)} MB CSV, ${label}`);

    let start = performance.now();
    await parseImportFile(body, "bench.csv");
    const parseMs = performance.now() - start;
    console.log(`  parse only        ${parseMs.toFixed(0).padStart(7)} ms  ${((ROWS / parseMs) * 1000).toFixed(0).padStart(8)} rows/s`);

    for (const pass of ["create", "update"]) {
      start = performance.now();
      const { id } = await createImport(context, { fileName: "bench.csv", body }, { storage, maxBytes: 500 * 1024 * 1024 });
      const job = (await findImport(db, { companyId: company!.id, importId: id }))!;
      await db.update(imports).set({ status: "pending", mapping: job.mapping }).where(eq(imports.id, id));
      while ((await runImport(db, id, { storage, budgetMs: 60_000 })) === "more");
      const ms = performance.now() - start;
      const done = (await findImport(db, { companyId: company!.id, importId: id }))!;
      console.log(
        `  import (${pass}) ${ms.toFixed(0).padStart(7)} ms  ${((ROWS / ms) * 1000).toFixed(0).padStart(8)} rows/s   created ${done.createdRows}, updated ${done.updatedRows}, errors ${done.errorRows}`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
