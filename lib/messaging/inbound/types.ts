export type InboundSms = {
  provider: "vonage" | "local";
  providerMessageId: string;
  /** E.164 numbers. */
  from: string;
  to: string;
  text: string;
  receivedAt: Date;
};

export type InboundOutcome =
  | { status: "stored"; messageId: string; conversationId: string; customerId: string }
  | { status: "duplicate"; messageId: string }
  | { status: "unknown_recipient" };
