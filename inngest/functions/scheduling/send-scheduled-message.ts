import { getDb } from "@/db/client";
import { sendScheduledMessage } from "@/lib/scheduling/scheduled";
import { inngest } from "../../client";
import { messageScheduled } from "@/lib/background/events";

/**
 * Sleeps until a scheduled message (or payment or review request, whose link is created
 * only then) is due, then sends it through the gate. An edit
 * schedules a new version and a delete cancels the row, so an older run wakes up to
 * nothing; the sweep sends anything a lost event missed.
 */
export const sendScheduledMessageAtTime = inngest.createFunction(
  { id: "send-scheduled-message", triggers: [messageScheduled] },
  async ({ event, step }) => {
    await step.sleepUntil("wait-until-send-time", new Date(event.data.sendAt));
    return step.run("send", async () => sendScheduledMessage(await getDb(), { id: event.data.id, version: event.data.version }));
  },
);
