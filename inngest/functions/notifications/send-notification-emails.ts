import { getDb } from "@/db/client";
import { notificationEmailsQueued } from "@/lib/background/events";
import { nextNotificationEmailDue, sendDueNotificationEmails } from "@/lib/notifications/email-digest";
import { inngest } from "../../client";

/**
 * Notifications waiting for an email (USER-5): the digests due go now; one that must wait
 * for its window goes when the window ends. The claimed rows make a repeated event
 * harmless; the send-notification-emails sweep is the backstop.
 */
export const sendNotificationEmails = inngest.createFunction(
  { id: "send-notification-emails", triggers: [notificationEmailsQueued] },
  async ({ event, step }) => {
    const { companyId, userIds } = event.data;
    const now = await step.run("send-due", async () => {
      const db = await getDb();
      const sent = await sendDueNotificationEmails(db, new Date(), { companyId, userIds });
      return { ...sent, nextDueAt: (await nextNotificationEmailDue(db, { companyId, userIds }))?.toISOString() ?? null };
    });
    if (!now.nextDueAt) return { now };
    await step.sleepUntil("digest-window", new Date(now.nextDueAt));
    // Woken at (or after) the end of the window: it has ended.
    const later = await step.run("send-after-window", async () => sendDueNotificationEmails(await getDb(), new Date(Math.max(Date.now(), Date.parse(now.nextDueAt!))), { companyId, userIds }));
    return { now, later };
  },
);
