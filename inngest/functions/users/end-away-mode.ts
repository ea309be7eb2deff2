import { getDb } from "@/db/client";
import { endAwayModeIfDue } from "@/lib/users/away";
import { inngest } from "../../client";
import { awayModeScheduled } from "@/lib/background/events";

/** Wakes at a user's return time and turns away mode off (USER-4); the sweep is the backstop. */
export const endAwayModeAtReturn = inngest.createFunction(
  { id: "end-away-mode-at-return", triggers: [awayModeScheduled] },
  async ({ event, step }) => {
    await step.sleepUntil("wait-until-return", new Date(event.data.awayUntil));
    return step.run("end-away-mode", async () =>
      endAwayModeIfDue(await getDb(), event.data.userId, new Date()),
    );
  },
);
