import { cron } from "inngest";
import { getDb } from "@/db/client";
import { runSweep, SWEEPS } from "@/lib/background/sweeps";
import { inngest } from "../client";

/** One cron function per sweep: the same bodies the in-process timer runs when embedded. */
export const sweepFunctions = SWEEPS.map((sweep) =>
  inngest.createFunction({ id: `sweep-${sweep.name}`, triggers: [cron(sweep.cron)] }, async ({ step }) =>
    step.run(sweep.name, async () => runSweep(await getDb(), sweep, new Date())),
  ),
);
