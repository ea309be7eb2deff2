import type { MessageStatus } from "@/db/schema";

export type OutgoingSms = {
  /** Our message id, sent as the provider's client reference. */
  clientRef: string;
  to: string;
  from: string;
  text: string;
};

/** A delivery report in our words, whichever provider or webhook shape it came from. */
export type StatusReport = {
  provider: "vonage" | "local";
  providerMessageId?: string | null;
  clientRef?: string | null;
  status: Exclude<MessageStatus, "received" | "queued">;
  errorCode?: string | null;
  errorDetail?: string | null;
  at?: Date;
};

export type SendResult = {
  providerMessageId: string;
  /** Receipts the provider already knows (the local channel delivers at once). */
  receipts?: StatusReport[];
};

export interface SmsProvider {
  readonly name: "vonage" | "local";
  send(sms: OutgoingSms): Promise<SendResult>;
}

/** A refusal from the provider when sending, with a category for the UI. */
export class SmsSendError extends Error {
  override name = "SmsSendError";
  constructor(
    readonly category: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}
