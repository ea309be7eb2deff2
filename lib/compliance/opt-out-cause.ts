import type { ConsentHistoryEntry } from "./types";

/**
 * Why a customer who is opted out is: they texted STOP (or its like), or a staff member
 * unsubscribed them (a possible opt-out request read as one). The badges must say which,
 * since the consent history is the proof a sender keeps.
 */
export type OptOutCause = { by: "customer" } | { by: "staff"; staffName: string | null };

/** The cause of the current opt-out: the newest opt-out of everything in the history (newest first). */
export function optOutCause(history: readonly Pick<ConsentHistoryEntry, "kind" | "scope" | "source" | "staffName">[]): OptOutCause {
  const latest = history.find((entry) => entry.kind === "opt_out" && entry.scope === "all");
  // No recorded event (older data): an opt-out of everything came by keyword.
  if (latest?.source === "staff") return { by: "staff", staffName: latest.staffName };
  return { by: "customer" };
}
