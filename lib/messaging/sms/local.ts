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
    const providerMessageId = localProviderMessageId();
    return {
      providerMessageId,
      receipts: [{ provider: "local", providerMessageId, status: "delivered" }],
    };
  },
};

/** The id the local channel gives a text it "delivers". */
export const localProviderMessageId = () => `local-${randomUUID()}`;

/**
 * Whether texts go through the local channel itself (not a wrapper of its send, as a test
 * makes to watch the hand-off): nothing is handed over and every text is delivered at once,
 * so a batch records them delivered (see recordDeliveredAtOnce).
 */
export const isLocalChannel = (provider: SmsProvider) => provider === localSmsProvider;
