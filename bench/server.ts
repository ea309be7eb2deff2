/**
 * `next start` of this checkout's build for the benches that drive the real server, and the
 * signed Messages API inbound webhook they post to it. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { signMessagesWebhook } from "@/lib/messaging/webhooks/vonage-signature";

/** Production-length secrets (lib/env.ts refuses shorter ones under NODE_ENV=production). */
export const BENCH_AUTH_SECRET = "bench-auth-secret-0123456789abcdef0123456789";
export const BENCH_SIGNATURE_SECRET = "bench-signature-secret-0123456789abcdef01234";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type NextServer = { url: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts `next start` on a free port with production settings and `env` on top, and waits
 * for /api/health. The binary is started directly so the pid held is the server's.
 */
export async function startNextServer(env: Record<string, string> = {}, { quiet = true }: { quiet?: boolean } = {}): Promise<NextServer> {
  const port = await freePort();
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: BENCH_AUTH_SECRET, VONAGE_SIGNATURE_SECRET: BENCH_SIGNATURE_SECRET, ...env },
    stdio: quiet ? "ignore" : ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false)) return { url, process: child, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not answer /api/health at ${url}`);
}

/** A signed inbound text from `from` to `to` (E.164), as Vonage's Messages API posts it. */
export async function signedInboundWebhook({ from, to, text }: { from: string; to: string; text: string }, secret = BENCH_SIGNATURE_SECRET) {
  const body = JSON.stringify({
    channel: "sms",
    message_type: "text",
    message_uuid: randomUUID(),
    to: to.replace(/^\+/, ""),
    from: from.replace(/^\+/, ""),
    text,
    timestamp: new Date().toISOString(),
  });
  return { body, authorization: await signMessagesWebhook(body, secret) };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process and its live descendants have spent, from /proc; null off Linux. */
export function processTreeCpuSeconds(pid: number): number | null {
  try {
    const stats = readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((entry) => {
        try {
          const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
          return [{ pid: Number(entry), parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
        } catch {
          return [];
        }
      });
    const tree = new Set([pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const stat of stats) {
        if (tree.has(stat.pid) || !tree.has(stat.parent)) continue;
        tree.add(stat.pid);
        grew = true;
      }
    }
    return stats.filter((stat) => tree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks, 0) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat; null off Linux. */
export function machineBusyCpuSeconds(): number | null {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
