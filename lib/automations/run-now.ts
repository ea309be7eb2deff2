import "server-only";
import type { Db } from "@/db/client";
import { dispatch } from "@/lib/background/dispatch";
import { automationRunRequested } from "@/lib/background/events";
import { runAutomation } from "./run";

/**
 * Runs an automation now, e.g. right after it is activated, instead of at the next sweep:
 * an Inngest event with an engine, the same body in this process embedded.
 */
export async function requestAutomationRun(db: Db, { companyId, automationId }: { companyId: string; automationId: string }) {
  await dispatch(automationRunRequested.create({ companyId, automationId }), {
    lane: "automation-runs",
    key: automationId,
    run: () => runAutomation(db, { companyId, automationId, force: true }),
  });
}
