import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { deliverFromBridge, setBridge } from "./bus";

const CHANNEL = "parley_live";
const FLUSH_MS = 25;
// NOTIFY payloads must stay under 8,000 bytes.
const MAX_PAYLOAD = 7000;

type Envelope = Parameters<typeof deliverFromBridge>[0];

/**
 * With several app processes on one PostgreSQL, live events travel between them through
 * LISTEN/NOTIFY, batched every few milliseconds so a burst of messages costs a handful
 * of notifications; a process ignores its own (it already delivered them).
 */
export async function startPostgresBridge(databaseUrl: string) {
  const origin = randomUUID();
  const listener = new Client({ connectionString: databaseUrl });
  await listener.connect();
  await listener.query(`listen ${CHANNEL}`);
  listener.on("notification", (notification) => {
    if (!notification.payload) return;
    const batch = JSON.parse(notification.payload) as { origin: string; events: Envelope[] };
    if (batch.origin !== origin) for (const envelope of batch.events) deliverFromBridge(envelope);
  });
  listener.on("error", (error) => console.error("[live] bridge connection lost", error));

  const publisher = new Client({ connectionString: databaseUrl });
  await publisher.connect();
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
}
