import { getDb } from "@/db/client";
import { conversationExportRequested } from "@/lib/background/events";
import { runConversationExport } from "@/lib/conversation-exports/run";
import { inngest } from "../../client";

/** Builds a requested conversation PDF and emails it (CONV-14); the claimed row makes a retry or a repeated event harmless. */
export const exportConversation = inngest.createFunction(
  { id: "export-conversation", triggers: [conversationExportRequested], concurrency: { key: "event.data.exportId", limit: 1 } },
  async ({ event, step }) => step.run("build-and-send", async () => ({ outcome: await runConversationExport(await getDb(), event.data.exportId) })),
);
