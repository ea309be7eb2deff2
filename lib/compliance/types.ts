import type { ConsentKind, ConsentScope, ConsentSource } from "@/db/schema/consent";

export type { ConsentKind, ConsentScope, ConsentSource } from "@/db/schema/consent";

/** One line of a customer's consent history, as the profile shows it. */
export type ConsentHistoryEntry = {
  id: string;
  kind: ConsentKind;
  scope: ConsentScope;
  source: ConsentSource;
  /** The customer's words, when they texted. */
  keyword: string | null;
  messageId: string | null;
  /** Who did it, when a staff member did. */
  staffName: string | null;
  /** ISO 8601. */
  at: string;
};

/** An inbound text that may be an opt-out request, waiting for staff. */
export type OptOutFlagView = { id: string; messageId: string; excerpt: string };
