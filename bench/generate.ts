/**
 * Generates the benchmark company: 100k customers, 100k conversations and 1M messages
 * (sizes configurable), with set-based SQL so it takes seconds, not hours.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench npx tsx bench/generate.ts
 *
 * Safe to run twice: it does nothing if the benchmark company already exists.
 */
import { sql } from "drizzle-orm";
import { closeDatabase, getDb, queryRows } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";

import { BENCH_SENDER } from "./config";
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MESSAGES_PER_CONVERSATION = Number(process.env.BENCH_MESSAGES_PER_CONVERSATION ?? 10);

async function main() {
  const db = await getDb();
  const [existing] = await queryRows<{ id: string }>(db, sql`select id from companies where sender_number = ${BENCH_SENDER}`);
  if (existing) {
    console.log(`Benchmark company already there (${existing.id}).`);
    return;
  }
  const started = Date.now();
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t = Date.now();
    await db.execute(query);
    console.log(`${label.padEnd(28)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  const passwordHash = await hashPassword("parley123");
  const [company] = await queryRows<{ id: string }>(
    db,
    sql`insert into companies (name, sender_number, unanswered_after_hours) values ('Bench Motors', ${BENCH_SENDER}, 4) returning id`,
  );
  const companyId = company!.id;
  const users = await queryRows<{ id: string }>(
    db,
    sql`insert into users (email, name, password_hash)
        select 'bench' || i || '@parley.test', 'Bench Agent ' || i, ${passwordHash} from generate_series(1, 8) i
        returning id`,
  );
  await db.execute(sql`insert into memberships (company_id, user_id, role) select ${companyId}::uuid, id, 'agent' from users where email like 'bench%@parley.test'`);
  const teams = await queryRows<{ id: string }>(db, sql`insert into teams (company_id, name) values (${companyId}, 'Service'), (${companyId}, 'Ventes') returning id`);
  await db.execute(sql`insert into team_members (company_id, team_id, user_id)
    select ${companyId}::uuid, ${teams[0]!.id}::uuid, id from users where email in ('bench1@parley.test', 'bench2@parley.test', 'bench3@parley.test')`);
  const userIds = `{${users.map((u) => u.id).join(",")}}`;

  await step("customers", sql`
    insert into customers (company_id, first_name, last_name, mobile, language, search_text, created_at)
    select ${companyId}::uuid, f.name, l.name, '+1' || (array['514','438','450','418'])[1 + i % 4] || lpad(i::text, 7, '0'),
           case when i % 4 = 0 then 'en' else 'fr' end,
           lower(f.name || ' ' || l.name) || ' 1' || (array['514','438','450','418'])[1 + i % 4] || lpad(i::text, 7, '0') || ' ' || (array['514','438','450','418'])[1 + i % 4] || lpad(i::text, 7, '0'),
           now() - (i % 900) * interval '1 day'
    from generate_series(1, ${CONVERSATIONS}) i
    join lateral (select (array['Mathieu','Julie','Sebastien','Isabelle','Francois','Nathalie','Etienne','Genevieve','Louis','Melanie','Olivier','Valerie','Michael','Jennifer','David','Sarah'])[1 + (i * 7) % 16] as name) f on true
    join lateral (select (array['Tremblay','Gagnon','Roy','Cote','Bouchard','Gauthier','Morin','Lavoie','Fortin','Gagne','Ouellet','Pelletier','Belanger','Levesque','Bergeron','Leblanc','Paquette','Girard','Simard','Boucher'])[1 + (i * 13) % 20] as name) l on true`);

  await step("conversations", sql`
    insert into conversations (company_id, customer_id, status, assignee_user_id, assignee_team_id, last_activity_at, created_at)
    select ${companyId}::uuid, c.id,
           case when n % 10 < 7 then 'open' else 'closed' end,
           case when n % 5 = 4 then null else (${userIds}::uuid[])[1 + n % 8] end,
           case when n % 5 = 4 then ${teams[0]!.id}::uuid else null end,
           now() - (n % 129600) * interval '1 minute',
           now() - (n % 129600) * interval '1 minute' - interval '3 days'
    from (select id, row_number() over (order by id) as n from customers where company_id = ${companyId}) c`);

  await step("messages", sql`
    insert into messages (company_id, conversation_id, customer_id, direction, body, source_kind, status, provider, provider_message_id, segments, encoding, created_at)
    select ${companyId}::uuid, cv.id, cv.customer_id,
           case when (m + (cv.n % 3 = 0)::int) % 2 = 1 then 'inbound' else 'outbound' end,
           (array['Bonjour, est-ce que ma voiture est prete?','Votre vehicule est pret, vous pouvez passer le chercher.','Merci beaucoup!',
                  'Hi, can I book an oil change for Saturday?','Your appointment is confirmed for Saturday 9 AM.','Le voyant du moteur est allume depuis hier',
                  'Combien pour des pneus d hiver?','See you tomorrow','La facture est de 389,95 $','Parfait, a demain'])[1 + (m + cv.n) % 10]
             || ' #' || cv.n || '-' || m,
           case when (m + (cv.n % 3 = 0)::int) % 2 = 1 then 'customer' else 'manual' end,
           case when (m + (cv.n % 3 = 0)::int) % 2 = 1 then 'received' else 'delivered' end,
           'local', 'bench-' || cv.n || '-' || m, 1, 'GSM-7',
           cv.last_activity_at - (${MESSAGES_PER_CONVERSATION} - m) * interval '7 minutes'
    from (select id, customer_id, last_activity_at, row_number() over (order by id) as n from conversations where company_id = ${companyId}) cv
    cross join generate_series(1, ${MESSAGES_PER_CONVERSATION}) m`);

  await step("conversation summaries", sql`
    update conversations cv set
      last_inbound_at = s.last_in, last_outbound_at = s.last_out, last_message_preview = s.preview,
      last_message_direction = s.direction,
      assignee_read_at = case when (extract(epoch from s.last_in)::bigint % 3) = 0 then null else s.last_in end
    from (
      select distinct on (conversation_id) conversation_id,
             max(created_at) filter (where direction = 'inbound') over w as last_in,
             max(created_at) filter (where direction = 'outbound') over w as last_out,
             body as preview, direction
      from messages where company_id = ${companyId}
      window w as (partition by conversation_id)
      order by conversation_id, created_at desc
    ) s
    where s.conversation_id = cv.id`);

  await step("repair orders", sql`
    insert into customer_events (company_id, customer_id, kind, number, title, occurred_at)
    select ${companyId}::uuid, id, 'repair_order', 'RO-' || (100000 + row_number() over ()), 'Entretien', now() - interval '10 days'
    from customers where company_id = ${companyId} and (hashtext(id::text) % 4) = 0`);
  await step("analyze", sql`analyze`);
  console.log(`Benchmark company ${companyId} ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
