const ONE_MINUTE_MS = 60_000;

/**
 * The thread orders inbound texts by the time we received them; the carrier's own time
 * (`sent_at`) is shown too when it is more than a minute away, e.g. a delayed delivery.
 */
export function carrierTimeWorthShowing(message: { direction: string; createdAt: Date; sentAt: Date | null }): Date | null {
  if (message.direction !== "inbound" || !message.sentAt) return null;
  return Math.abs(message.sentAt.getTime() - message.createdAt.getTime()) > ONE_MINUTE_MS ? message.sentAt : null;
}
