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

const TEXTABLE_PREFIX = "+14382";

/**
 * `count` customers with an open conversation who can text in, shuffled. The generated
 * numbers are not textable (+1 438 000…: no such exchange), which makes every inbound text
 * an unreplyable sender's (kept for staff, one notification per user, no conversation), so
 * customers get a real-looking number (+1 438 2…) until there are enough. Writes the
 * company's customers: benches that post inbound texts run on their own copy.
 */
export async function textableSenders(db: Db, companyId: string, count: number) {
  const senders = () =>
    queryRows<{ mobile: string; customer_id: string }>(
      db,
      sql`select c.mobile, c.id as customer_id from customers c join conversations cv on cv.customer_id = c.id and cv.status = 'open' and not cv.archived
          where c.company_id = ${companyId} and c.mobile like ${`${TEXTABLE_PREFIX}%`} and c.opted_out_at is null and c.merged_into_id is null
          order by random() limit ${count}`,
    );
  const found = await senders();
  if (found.length >= count) return found;
  // Numbered on from those given before, so the unique mobile index holds.
  await db.execute(sql`
    with picked as (
      select c.id, row_number() over () + (select count(*) from customers where company_id = ${companyId} and mobile like ${`${TEXTABLE_PREFIX}%`}) as n
      from conversations cv join customers c on c.id = cv.customer_id
      where cv.company_id = ${companyId} and cv.status = 'open' and not cv.archived and c.opted_out_at is null and c.merged_into_id is null
        and c.mobile not like ${`${TEXTABLE_PREFIX}%`}
      limit ${count - found.length})
    update customers c set mobile = ${TEXTABLE_PREFIX} || lpad(picked.n::text, 6, '0') from picked where c.id = picked.id`);
  return senders();
}
