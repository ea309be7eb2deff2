import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { deliverFromBridge, setBridge } from "./bus";

const CHANNEL = "parley_live";

/**
 * With several app processes on one PostgreSQL, live events travel between them through
 * LISTEN/NOTIFY; a process ignores its own notifications (it already delivered them).
 */
export async function startPostgresBridge(databaseUrl: string) {
  const origin = randomUUID();
  const listener = new Client({ connectionString: databaseUrl });
  await listener.connect();
  await listener.query(`listen ${CHANNEL}`);
  listener.on("notification", (notification) => {
    if (!notification.payload) return;
    const envelope = JSON.parse(notification.payload) as { origin: string; companyId: string; event: never };
    if (envelope.origin !== origin) deliverFromBridge(envelope);
  });
  listener.on("error", (error) => console.error("[live] bridge connection lost", error));
  const publisher = new Client({ connectionString: databaseUrl });
  await publisher.connect();
  setBridge((envelope) => {
    publisher.query("select pg_notify($1, $2)", [CHANNEL, JSON.stringify({ ...envelope, origin })]).catch((error: unknown) => {
      console.error("[live] could not forward an event", error);
    });
  });
}
