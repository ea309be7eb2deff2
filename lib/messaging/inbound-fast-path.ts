import { sql } from "drizzle-orm";
import { queryPrepared, type Db } from "@/db/client";
import type { InboundSms } from "./inbound";

export type FastPathResult = { companyId: string; messageId: string; conversationId: string; customerId: string; notified: string[] };

/**
 * The common case of an inbound SMS, in one statement and one commit: a known customer
 * writes into their open conversation. The message, the conversation's summary and the
 * assignee's notifications are written together. Anything else (a new number, a closed
 * or missing conversation, a duplicate, an unknown company) returns null and takes the
 * full path in receiveSms, which does the same and more.
 */
export async function storeOnOpenConversation(db: Db, sms: InboundSms): Promise<FastPathResult | null> {
  const at = sql`${sms.receivedAt.toISOString()}::timestamptz`;
  const preview = sms.text.slice(0, 200);
  const [row] = await queryPrepared<{ company_id: string; message_id: string; conversation_id: string; customer_id: string; notified: string[] | null }>(
    db,
    "inbound_sms_fast_path",
    sql`
    with target as (
      select cv.company_id, cv.id as conversation_id, cv.customer_id, cv.assignee_user_id, cv.assignee_team_id
      from companies co
      join customers c on c.company_id = co.id and c.mobile = ${sms.from} and c.merged_into_id is null
      join conversations cv on cv.customer_id = c.id and cv.archived = false and cv.status = 'open'
      where co.sender_number = ${sms.to}
    ),
    message as (
      insert into messages (company_id, conversation_id, customer_id, direction, body, source_kind, status, provider,
                            provider_message_id, segments, from_number, to_number, created_at)
      select company_id, conversation_id, customer_id, 'inbound', ${sms.text}, 'customer', 'received', ${sms.provider},
             ${sms.providerMessageId}, 1, ${sms.from}, ${sms.to}, ${at}
      from target
      on conflict do nothing
      returning id, conversation_id
    ),
    summary as (
      update conversations cv set
        last_activity_at = greatest(cv.last_activity_at, ${at}),
        last_inbound_at = greatest(coalesce(cv.last_inbound_at, ${at}), ${at}),
        last_message_preview = case when ${at} >= cv.last_activity_at then ${preview} else cv.last_message_preview end,
        last_message_direction = case when ${at} >= cv.last_activity_at then 'inbound' else cv.last_message_direction end,
        updated_at = now()
      from message where cv.id = message.conversation_id
      returning cv.id
    ),
    recipients as (
      select t.assignee_user_id as user_id from target t join message on true where t.assignee_user_id is not null
      union
      select tm.user_id from target t join message on true join team_members tm on tm.team_id = t.assignee_team_id
      where t.assignee_user_id is null
    ),
    notified as (
      insert into notifications (company_id, user_id, kind, data, link)
      select t.company_id, r.user_id, 'conversation.new_message',
             jsonb_build_object('conversationId', t.conversation_id, 'messageId', m.id), '/conversations/' || t.conversation_id
      from recipients r cross join target t cross join message m
      returning user_id
    )
    select t.company_id, m.id as message_id, t.conversation_id, t.customer_id,
           (select array_agg(user_id) from notified) as notified,
           (select count(*) from summary) as summarised
    from target t join message m on true`,
  );
  if (!row) return null;
  return { companyId: row.company_id, messageId: row.message_id, conversationId: row.conversation_id, customerId: row.customer_id, notified: row.notified ?? [] };
}
