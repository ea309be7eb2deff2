import "server-only";
// The Inngest engine, when one is configured (ARCHITECTURE.md): Inngest Cloud or the dev server.
import { Inngest } from "inngest";
import { env } from "@/lib/env";

const config = env();

export const inngest = new Inngest({
  id: "parley",
  isDev: config.backgroundEngine === "inngest-dev",
  eventKey: config.INNGEST_EVENT_KEY,
  baseUrl:
    config.INNGEST_BASE_URL ??
    (config.INNGEST_DEV?.startsWith("http") ? config.INNGEST_DEV : undefined),
});
