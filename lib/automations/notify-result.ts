import "server-only";
import type { Db } from "@/db/client";
import { findCustomer } from "@/db/queries/customers";
import { customerName } from "@/lib/customers/display";
import { notify } from "@/lib/notifications/notify";

type ResultNotification = Parameters<typeof notify>[1] & { data: Record<string, unknown> & { customerId: string } };

/** A notification about an automation result names its customer, like a new-message one. */
export async function notifyAboutResult(db: Db, input: ResultNotification) {
  const customer = await findCustomer(db, { companyId: input.companyId, customerId: input.data.customerId });
  await notify(db, { ...input, data: { ...input.data, customerName: customer ? customerName(customer) : null } });
}
