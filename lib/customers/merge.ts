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
  customers,
  estimates,
  messages,
  notes,
  paymentRequests,
  reviews,
  scheduledMessages,
} from "@/db/schema";
import { NotFoundError } from "@/lib/actions/errors";
import { customerSearchText } from "./search-text";

/**
 * CONV-15: two profiles that end up with the same mobile number become one. The survivor
 * (the profile being edited) keeps its values where both have one; everything the other
 * profile had moves over; of their two active conversations the older becomes an archived
 * conversation. The absorbed profile stays, empty and pointing at the survivor, so nothing
 * that referred to it breaks. Run it inside a transaction.
 */
export async function mergeCustomers(tx: Db, { companyId, survivorId, absorbedId }: { companyId: string; survivorId: string; absorbedId: string }) {
  const rows = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.companyId, companyId), inArray(customers.id, [survivorId, absorbedId]), isNull(customers.mergedIntoId)))
    .for("update");
  const survivor = rows.find((row) => row.id === survivorId);
  const absorbed = rows.find((row) => row.id === absorbedId);
  if (!survivor || !absorbed) throw new NotFoundError();

  // The absorbed profile gives up its number first: one mobile, one live customer.
  await tx.update(customers).set({ mobile: null, mergedIntoId: survivor.id, searchText: "" }).where(eq(customers.id, absorbed.id));

  const active = await tx
    .select({ id: conversations.id, customerId: conversations.customerId, createdAt: conversations.createdAt })
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), inArray(conversations.customerId, [survivor.id, absorbed.id]), eq(conversations.archived, false)));
  if (active.length === 2) {
    const older = active.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!;
    await tx.update(conversations).set({ archived: true, status: "closed", closedAt: sql`coalesce(${conversations.closedAt}, now())` }).where(eq(conversations.id, older.id));
  }

  const move = { customerId: survivor.id };
  const from = (table: { companyId: AnyPgColumn; customerId: AnyPgColumn }) => and(eq(table.companyId, companyId), eq(table.customerId, absorbed.id));
  await tx.update(conversations).set(move).where(from(conversations));
  await tx.update(messages).set(move).where(from(messages));
  await tx.update(appointments).set(move).where(from(appointments));
  await tx.update(customerEvents).set(move).where(from(customerEvents));
  await tx.update(notes).set(move).where(from(notes));
  await tx.update(paymentRequests).set(move).where(from(paymentRequests));
  await tx.update(reviews).set(move).where(from(reviews));
  await tx.update(estimates).set(move).where(from(estimates));
  await tx.update(scheduledMessages).set(move).where(from(scheduledMessages));
  await tx.update(attachments).set(move).where(and(eq(attachments.companyId, companyId), eq(attachments.customerId, absorbed.id)));
  // One result per automation trigger and one recipient per campaign: keep the survivor's.
  await tx.execute(sql`delete from automation_results a where a.customer_id = ${absorbed.id}
    and exists (select 1 from automation_results b where b.customer_id = ${survivor.id} and b.automation_id = a.automation_id and b.trigger_key = a.trigger_key)`);
  await tx.update(automationResults).set(move).where(from(automationResults));
  await tx.execute(sql`delete from campaign_recipients a where a.customer_id = ${absorbed.id}
    and exists (select 1 from campaign_recipients b where b.customer_id = ${survivor.id} and b.campaign_id = a.campaign_id)`);
  await tx.update(campaignRecipients).set(move).where(from(campaignRecipients));

  const attributes = { ...absorbed.attributes, ...survivor.attributes };
  const merged = {
    firstName: survivor.firstName || absorbed.firstName,
    lastName: survivor.lastName || absorbed.lastName,
    email: survivor.email ?? absorbed.email,
    externalId: survivor.externalId ?? absorbed.externalId,
    attributes,
    // Whoever said no keeps being heard: opt-outs and unsubscriptions carry over.
    optedOutAt: survivor.optedOutAt ?? absorbed.optedOutAt,
    subscribedGeneral: survivor.subscribedGeneral && absorbed.subscribedGeneral,
    subscribedMarketing: survivor.subscribedMarketing && absorbed.subscribedMarketing,
  };
  const [updated] = await tx
    .update(customers)
    .set({ ...merged, mobile: survivor.mobile ?? absorbed.mobile, searchText: customerSearchText({ ...merged, mobile: survivor.mobile ?? absorbed.mobile }) })
    .where(eq(customers.id, survivor.id))
    .returning();
  return updated!;
}
