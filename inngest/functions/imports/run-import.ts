import { getDb } from "@/db/client";
import { runImport } from "@/lib/imports/run";
import { inngest } from "../../client";
import { importQueued } from "@/lib/background/events";

const MAX_STEPS = 500;

/**
 * Runs an import (customers, appointments or repair orders) in steps of at most ~20 s
 * each; every step resumes from the offset stored on the import row, so a retried step or
 * a lost run repeats nothing.
 */
export const runCustomerImport = inngest.createFunction(
  { id: "run-customer-import", triggers: [importQueued], concurrency: { key: "event.data.importId", limit: 1 } },
  async ({ event, step }) => {
    for (let index = 0; index < MAX_STEPS; index++) {
      const outcome = await step.run(`import-batch-${index}`, async () => runImport(await getDb(), event.data.importId, { budgetMs: 20_000 }));
      if (outcome !== "more") return { outcome, steps: index + 1 };
    }
    return { outcome: "more" as const, steps: MAX_STEPS };
  },
);
