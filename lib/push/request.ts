import "server-only";
import { getDb } from "@/db/client";
import { dispatch } from "@/lib/background/dispatch";
import { pushDeliveriesDue } from "@/lib/background/events";
import { deliverPendingPushes } from "./deliver";

/** After notifications are committed: push them in the background, never on the request. */
export function requestPushDelivery(companyId: string) {
  dispatch(pushDeliveriesDue.create({ companyId }), {
    lane: "push",
    key: companyId,
    run: async () => deliverPendingPushes(await getDb(), { companyId }),
  }).catch((error: unknown) => console.error("[push] delivery not requested; the sweep will catch up", error));
}
