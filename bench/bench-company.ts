/** The generated benchmark company (bench/generate.ts) and what benches add to it. */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { BENCH_SENDER } from "./config";

export async function findBenchCompany(db: Db) {
  const [company] = await queryRows<{ id: string }>(db, sql`select id from companies where sender_number = ${BENCH_SENDER}`);
  if (!company) throw new Error("Run bench/generate.ts first.");
  return company.id;
}

/**
 * Tops the company up to `total` customers (the extra ones have no conversation, set-based
 * so a million take seconds); returns how many it added.
 */
export async function topUpCustomers(db: Db, companyId: string, total: number) {
  const [before] = await queryRows<{ customers: number }>(db, sql`select count(*)::int as customers from customers where company_id = ${companyId}`);
  if (before!.customers >= total) return 0;
  // Numbers +1 819 / 873 … never used by bench/generate.ts, so the unique mobile index holds.
  await db.execute(sql`
    insert into customers (company_id, first_name, last_name, mobile, email, language, search_text, created_at)
    select ${companyId}::uuid, f.name, l.name, '+1' || (array['819','873','367','581'])[1 + i % 4] || lpad(i::text, 7, '0'),
           case when i % 3 = 0 then null else lower(f.name || '.' || l.name || i || '@example.com') end,
           case when i % 4 = 0 then 'en' else 'fr' end,
           lower(f.name || ' ' || l.name) || case when i % 3 = 0 then '' else ' ' || lower(f.name || '.' || l.name || i || '@example.com') end
             || ' 1' || (array['819','873','367','581'])[1 + i % 4] || lpad(i::text, 7, '0') || ' ' || (array['819','873','367','581'])[1 + i % 4] || lpad(i::text, 7, '0'),
           now() - (i % 900) * interval '1 day'
    from generate_series(${before!.customers + 1}::int, ${total}::int) i
    join lateral (select (array['Mathieu','Julie','Sebastien','Isabelle','Francois','Nathalie','Etienne','Genevieve','Louis','Melanie','Olivier','Valerie','Michael','Jennifer','David','Sarah','Antoine','Camille'])[1 + (i * 7) % 18] as name) f on true
    join lateral (select (array['Tremblay','Gagnon','Roy','Cote','Bouchard','Gauthier','Morin','Lavoie','Fortin','Gagne','Ouellet','Pelletier','Belanger','Levesque','Bergeron','Leblanc','Paquette','Girard','Simard','Boucher','Caron','Beaulieu'])[1 + (i * 13) % 22] as name) l on true`);
  await db.execute(sql`analyze customers`);
  return total - before!.customers;
}
