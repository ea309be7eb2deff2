import "server-only";
import { getDb } from "@/db/client";
import { dispatch } from "@/lib/background/dispatch";
import { notificationEmailsQueued } from "@/lib/background/events";
import { sendDueNotificationEmails } from "./email-digest";

/** After notifications are committed: their recipients' digests go now if due; the sweep is the backstop. */
export async function queueNotificationEmails(companyId: string, userIds: string[]) {
  await dispatch(notificationEmailsQueued.create({ companyId, userIds }), {
    lane: "notification-emails",
    key: companyId,
    run: async () => sendDueNotificationEmails(await getDb(), new Date(), { companyId, userIds }),
  }).catch((error: unknown) => console.error("[notifications] email digest not queued; the sweep will send it", error));
}
