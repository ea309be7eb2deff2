import "server-only";
import type { Db } from "@/db/client";
import { moveConsentRecords } from "@/db/queries/consent";
import { activeConversationsOf, archiveConversation, lockLiveCustomers, moveCustomerRows } from "@/db/queries/customer-merge";
import { updateCustomerRow } from "@/db/queries/customers";
import { NotFoundError } from "@/lib/actions/errors";
import { recordWebhookEvent } from "@/lib/webhooks/record";
import { customerSearchText } from "./search-text";

/**
 * CONV-15: two profiles that end up with the same mobile number become one. The survivor
 * (the profile being edited) keeps its values where both have one; everything the other
 * profile had moves over; of their two active conversations the older becomes an archived
 * conversation. The absorbed profile stays, empty and pointing at the survivor, so nothing
 * that referred to it breaks. Run it inside a transaction; an open conversation closed
 * here is reported to webhooks (`conversation.closed`), so nudge delivery after the commit.
 */
export async function mergeCustomers(tx: Db, { companyId, survivorId, absorbedId }: { companyId: string; survivorId: string; absorbedId: string }) {
  const rows = await lockLiveCustomers(tx, { companyId, customerIds: [survivorId, absorbedId] });
  const survivor = rows.find((row) => row.id === survivorId);
  const absorbed = rows.find((row) => row.id === absorbedId);
  if (!survivor || !absorbed) throw new NotFoundError();

  // The absorbed profile gives up its number and its external id first: both are unique,
  // and the survivor may take them over.
  await updateCustomerRow(tx, { companyId, customerId: absorbed.id, changes: { mobile: null, externalId: null, mergedIntoId: survivor.id, searchText: "" } });

  const active = await activeConversationsOf(tx, { companyId, customerIds: [survivor.id, absorbed.id] });
  if (active.length === 2) {
    const older = active.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!;
    const archived = await archiveConversation(tx, { companyId, conversationId: older.id });
    if (older.status === "open") {
      // It moves to the survivor below: the event names the customer it now belongs to.
      await recordWebhookEvent(tx, {
        companyId,
        type: "conversation.closed",
        customerId: survivor.id,
        payload: {
          conversation: { id: older.id, customer_id: survivor.id, closed_at: archived?.closedAt?.toISOString() ?? null, closed_by_user_id: null, reason: "merge", merged_customer_id: absorbed.id },
        },
      });
    }
  }

  await moveCustomerRows(tx, { companyId, fromCustomerId: absorbed.id, toCustomerId: survivor.id });
  await moveConsentRecords(tx, { companyId, fromCustomerId: absorbed.id, toCustomerId: survivor.id });

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
  const mobile = survivor.mobile ?? absorbed.mobile;
  const updated = await updateCustomerRow(tx, { companyId, customerId: survivor.id, changes: { ...merged, mobile, searchText: customerSearchText({ ...merged, mobile }) } });
  return updated!;
}
