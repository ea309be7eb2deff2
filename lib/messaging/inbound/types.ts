export type InboundSms = {
  provider: "vonage" | "local";
  providerMessageId: string;
  /** E.164 numbers. */
  from: string;
  to: string;
  text: string;
  /** The provider's timestamp (when the customer sent it), clamped to a sane window: shown, never sorted on. */
  receivedAt: Date;
  /** When we received it (the webhook stored it): orders the inbox and marks it unread. Default: now. */
  acceptedAt?: Date;
};

export type InboundOutcome =
  | { status: "stored"; messageId: string; conversationId: string; customerId: string }
  | { status: "duplicate"; messageId: string }
  | { status: "unknown_recipient" }
  | { status: "unreplyable_sender" };

/**
 * A number that can receive texts: E.164. Alphanumeric senders ("PROMOBOT") and short
 * codes cannot, so they never become customers and are never answered.
 */
export const isTextableNumber = (value: string) => /^\+[1-9]\d{6,14}$/.test(value);
