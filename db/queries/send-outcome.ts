/** How one claimed send (an automation result, a campaign recipient) ended. */
export type SendOutcome<SkipReason extends string> =
  | { status: "sent"; messageId: string; sentAt: Date }
  | { status: "skipped"; skipReason: SkipReason }
  | { status: "failed"; messageId: string | null; error: string };

/** The columns a settled send sets, in whichever table keeps it. */
export function outcomeColumns<SkipReason extends string>(outcome: SendOutcome<SkipReason>) {
  return outcome.status === "sent"
    ? { status: outcome.status, messageId: outcome.messageId, sentAt: outcome.sentAt }
    : outcome.status === "skipped"
      ? { status: outcome.status, skipReason: outcome.skipReason }
      : { status: outcome.status, messageId: outcome.messageId, error: outcome.error };
}
