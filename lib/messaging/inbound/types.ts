import type { InboundSmsValues } from "@/db/queries/inbound";
/** An inbound text as a webhook delivered it (see db/queries/inbound.ts for its fields). */
export type InboundSms = InboundSmsValues;

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
