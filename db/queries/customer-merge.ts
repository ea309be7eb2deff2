import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  appointments,
  attachments,
  automationResults,
  campaignRecipients,
  conversations,
  customerEvents,
  customerGroupMembers,
  customers,
  estimates,
  messages,
  notes,
  paymentRequests,
  reviews,
  scheduledMessages,
} from "@/db/schema";

/** Statements of a customer merge (CONV-15, lib/customers/merge.ts), run in its transaction. */

export async function lockLiveCustomers(db: Db, { companyId, customerIds }: { companyId: string; customerIds: string[] }) {
  return db
    .select()
    .from(customers)
    .where(and(eq(customers.companyId, companyId), inArray(customers.id, customerIds), isNull(customers.mergedIntoId)))
    .for("update");
}

export async function activeConversationsOf(db: Db, { companyId, customerIds }: { companyId: string; customerIds: string[] }) {
  return db
    .select({ id: conversations.id, customerId: conversations.customerId, createdAt: conversations.createdAt })
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), inArray(conversations.customerId, customerIds), eq(conversations.archived, false)));
}

/** The older of two active conversations becomes an archived, closed one. */
export async function archiveConversation(db: Db, { companyId, conversationId }: { companyId: string; conversationId: string }) {
  await db
    .update(conversations)
    .set({ archived: true, status: "closed", closedAt: sql`coalesce(${conversations.closedAt}, now())` })
    .where(and(eq(conversations.companyId, companyId), eq(conversations.id, conversationId)));
}

/** Everything the absorbed customer had moves to the survivor. */
export async function moveCustomerRows(db: Db, { companyId, fromCustomerId, toCustomerId }: { companyId: string; fromCustomerId: string; toCustomerId: string }) {
  const move = { customerId: toCustomerId };
  const from = (table: { companyId: AnyPgColumn; customerId: AnyPgColumn }) => and(eq(table.companyId, companyId), eq(table.customerId, fromCustomerId));
  await db.update(conversations).set(move).where(from(conversations));
  await db.update(messages).set(move).where(from(messages));
  await db.update(appointments).set(move).where(from(appointments));
  await db.update(customerEvents).set(move).where(from(customerEvents));
  await db.update(notes).set(move).where(from(notes));
  await db.update(paymentRequests).set(move).where(from(paymentRequests));
  await db.update(reviews).set(move).where(from(reviews));
  await db.update(estimates).set(move).where(from(estimates));
  await db.update(scheduledMessages).set(move).where(from(scheduledMessages));
  await db.update(attachments).set(move).where(and(eq(attachments.companyId, companyId), eq(attachments.customerId, fromCustomerId)));
  // One result per automation trigger and one recipient per campaign: keep the survivor's.
  await db.execute(sql`delete from automation_results a where a.company_id = ${companyId} and a.customer_id = ${fromCustomerId}
    and exists (select 1 from automation_results b where b.customer_id = ${toCustomerId} and b.automation_id = a.automation_id and b.trigger_key = a.trigger_key)`);
  await db.update(automationResults).set(move).where(from(automationResults));
  await db.execute(sql`delete from campaign_recipients a where a.company_id = ${companyId} and a.customer_id = ${fromCustomerId}
    and exists (select 1 from campaign_recipients b where b.customer_id = ${toCustomerId} and b.campaign_id = a.campaign_id)`);
  await db.update(campaignRecipients).set(move).where(from(campaignRecipients));
  // Static group memberships: the survivor joins the absorbed customer's groups once.
  await db.execute(sql`insert into customer_group_members (group_id, customer_id, company_id, source, added_by_user_id, added_at)
    select group_id, ${toCustomerId}, company_id, source, added_by_user_id, added_at from customer_group_members
    where company_id = ${companyId} and customer_id = ${fromCustomerId}
    on conflict (group_id, customer_id) do nothing`);
  await db.delete(customerGroupMembers).where(from(customerGroupMembers));
}
