import { EventEmitter } from "node:events";

/** What open browsers of a company hear about, to refresh without reloading. */
export type LiveEvent =
  | { type: "message.created"; conversationId: string; direction: "inbound" | "outbound" }
  | { type: "message.status"; conversationId: string; messageId: string; status: string }
  | { type: "conversation.updated"; conversationId: string }
  | { type: "notification.created"; userId: string }
  | { type: "scheduled.updated"; customerId: string }
  | { type: "customer.updated"; customerId: string }
  | { type: "automation.updated"; automationId: string }
  | { type: "campaign.updated"; campaignId: string }
  | { type: "conversation_export.updated"; exportId: string; conversationId: string; userId: string; status: string; pageCount: number | null }
  | { type: "import.progress"; importId: string; status: string; total: number; processed: number; created: number; updated: number; errors: number };

type Envelope = { companyId: string; event: LiveEvent };

type BusState = { emitter: EventEmitter; bridge?: (envelope: Envelope) => void };

// One bus per process, shared by route handlers, actions and the SSE stream.
const state: BusState = ((globalThis as { __parleyLiveBus?: BusState }).__parleyLiveBus ??= {
  emitter: new EventEmitter().setMaxListeners(0),
});

/** Tells every open browser of the company (in this process, and others via the bridge). */
export function publish(companyId: string, event: LiveEvent) {
  const envelope = { companyId, event };
  state.emitter.emit("event", envelope);
  state.bridge?.(envelope);
}

/** Delivers an event that another process published. */
export function deliverFromBridge(envelope: Envelope) {
  state.emitter.emit("event", envelope);
}

export function setBridge(bridge: (envelope: Envelope) => void) {
  state.bridge = bridge;
}

export function subscribe(companyId: string, listener: (event: LiveEvent) => void): () => void {
  const handler = (envelope: Envelope) => {
    if (envelope.companyId === companyId) listener(envelope.event);
  };
  state.emitter.on("event", handler);
  return () => state.emitter.off("event", handler);
}
