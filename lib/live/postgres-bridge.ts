import "server-only";
import { randomUUID } from "node:crypto";
import { Client, Pool } from "pg";
import { deliverFromBridge, setBridge } from "./bus";

const CHANNEL = "parley_live";
const FLUSH_MS = 25;
// NOTIFY payloads must stay under 8,000 bytes.
const MAX_PAYLOAD = 7000;
export const LISTENER_APPLICATION_NAME = "parley-live-listener";

type Envelope = Parameters<typeof deliverFromBridge>[0];

export type LiveBridgeStatus = { mode: "in-process" | "postgres"; connected: boolean; reconnects: number };

type BridgeState = { status: LiveBridgeStatus; stop?: () => Promise<void> };

// One bridge per process, shared with /api/health.
const state: BridgeState = ((globalThis as { __parleyLiveBridge?: BridgeState }).__parleyLiveBridge ??= {
  status: { mode: "in-process", connected: true, reconnects: 0 },
});

/** Whether live events reach the other app processes (always true with a single process). */
export function liveBridgeStatus(): LiveBridgeStatus {
  return { ...state.status };
}

/**
 * With several app processes on one PostgreSQL, live events travel between them through
 * LISTEN/NOTIFY, batched every few milliseconds so a burst of messages costs a handful
 * of notifications; a process ignores its own (it already delivered them). A dropped
 * listening connection is opened again with a growing delay and LISTENs again.
 */
export async function startPostgresBridge(
  databaseUrl: string,
  { firstRetryMs = 250, maxRetryMs = 30_000 }: { firstRetryMs?: number; maxRetryMs?: number } = {},
) {
  await state.stop?.();
  const origin = randomUUID();
  state.status = { mode: "postgres", connected: false, reconnects: 0 };
  let stopped = false;
  let listener: Client | undefined;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | undefined;

  const onNotification = (notification: { payload?: string }) => {
    if (!notification.payload) return;
    const batch = JSON.parse(notification.payload) as { origin: string; events: Envelope[] };
    if (batch.origin !== origin) for (const envelope of batch.events) deliverFromBridge(envelope);
  };

  const scheduleReconnect = () => {
    if (stopped) return;
    state.status.connected = false;
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      state.status.reconnects += 1;
      void listen();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  const listen = async () => {
    const client = new Client({ connectionString: databaseUrl, application_name: LISTENER_APPLICATION_NAME });
    listener = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (!stopped) console.error("[live] bridge connection lost; reconnecting", error?.message ?? "");
      client.removeAllListeners("notification");
      void client.end().catch(() => {});
      scheduleReconnect();
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    client.on("notification", onNotification);
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      if (lost || stopped) return;
      retryMs = firstRetryMs;
      state.status.connected = true;
    } catch (error) {
      onLost(error as Error);
    }
  };

  // The pool opens a new connection after a drop; its error listener keeps a drop from crashing the process.
  const publisher = new Pool({ connectionString: databaseUrl, max: 1 });
  publisher.on("error", (error) => console.error("[live] publisher connection lost", error.message));

  let queue: Envelope[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const events = queue;
    queue = [];
    const payloads: string[] = [];
    let chunk: Envelope[] = [];
    for (const envelope of events) {
      chunk.push(envelope);
      if (JSON.stringify({ origin, events: chunk }).length > MAX_PAYLOAD) {
        chunk.pop();
        payloads.push(JSON.stringify({ origin, events: chunk }));
        chunk = [envelope];
      }
    }
    if (chunk.length) payloads.push(JSON.stringify({ origin, events: chunk }));
    for (const payload of payloads) {
      publisher.query("select pg_notify($1, $2)", [CHANNEL, payload]).catch((error: unknown) => {
        console.error("[live] could not forward events", error);
      });
    }
  };
  setBridge((envelope) => {
    queue.push(envelope);
    timer ??= setTimeout(flush, FLUSH_MS);
  });

  await listen();

  state.stop = async () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(timer);
    setBridge(() => {});
    state.status = { mode: "in-process", connected: true, reconnects: 0 };
    state.stop = undefined;
    await Promise.allSettled([listener?.end(), publisher.end()]);
  };
  return { stop: state.stop };
}
