import { randomUUID } from "node:crypto";
import type { SmsProvider } from "./provider";

/**
 * The embedded channel: nothing leaves the machine. The message counts as delivered, and
 * that receipt goes through the same status code path as a carrier's. Customers answer
 * from the phone simulator (/dev/phone).
 */
export const localSmsProvider: SmsProvider = {
  name: "local",
  async send() {
    const providerMessageId = `local-${randomUUID()}`;
    return {
      providerMessageId,
      receipts: [{ provider: "local", providerMessageId, status: "delivered" }],
    };
  },
};
