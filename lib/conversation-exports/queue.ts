import "server-only";
import { getDb } from "@/db/client";
import { dispatch } from "@/lib/background/dispatch";
import { drainSettled } from "@/lib/background/drain";
import { conversationExportRequested } from "@/lib/background/events";
import { runConversationExport } from "./run";

const LANE = "conversation-exports";

/** Resolves once this process has no export running in the background (tests, shutdown). */
export async function exportDrainSettled() {
  await drainSettled(LANE);
}

/** After an export row was stored: build it here now, or nudge the Inngest engine (the sweep is the backstop either way). */
export async function afterExportRequested(exportId: string) {
  await dispatch(conversationExportRequested.create({ exportId }), {
    lane: LANE,
    key: exportId,
    run: async () => runConversationExport(await getDb(), exportId),
  });
}
