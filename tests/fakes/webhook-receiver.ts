import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: Record<string, string>; body: string; at: number };
/** How the receiver answers one request: a status, or "hang" (never answers, for timeouts). */
export type ReceiverReply = number | "hang";

/**
 * A local HTTP server standing in for a company's system: records every POST it gets and
 * answers with the queued replies (then 200). Used by webhook tests, the e2e and the bench.
 */
export async function startWebhookReceiver({ quiet = false }: { quiet?: boolean } = {}) {
  const received: ReceivedWebhook[] = [];
  const replies: ReceiverReply[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const hanging = new Set<import("node:http").ServerResponse>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : (value ?? "")]));
      const reply = replies.shift() ?? 200;
      if (reply === "hang") {
        hanging.add(response);
        return;
      }
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      response.writeHead(reply, { "content-type": "text/plain" });
      response.end(quiet ? "" : reply < 300 ? "ok" : `error ${reply}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    /** Requests answered so far (a hung one is not counted). */
    received,
    /** Forgets what was received and the queued replies. */
    reset() {
      received.length = 0;
      replies.length = 0;
    },
    reply(...next: ReceiverReply[]) {
      replies.push(...next);
    },
    waitFor(count: number, timeoutMs = 15_000) {
      if (received.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${received.length} of ${count} webhooks`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
