import { env } from "@/lib/env";
import { inngest } from "./engine";

type Payload = Parameters<typeof inngest.send>[0];

/**
 * Events are nudges: the row is already in Postgres. With no engine configured the
 * in-process sweeps pick the work up, so sending is skipped; a failed send is logged,
 * never fatal, for the same reason.
 */
export async function nudge(payload: Payload) {
  if (env().backgroundEngine === "in-process") return;
  try {
    await inngest.send(payload);
  } catch (error) {
    console.error("[inngest] event not sent; the sweep will catch up", error);
  }
}
