import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { SafeError } from "@/lib/actions/errors";
import { env, type Env } from "@/lib/env";

/**
 * Addresses a company's endpoint must never reach: our own machine and network (loopback,
 * private, link-local with the cloud metadata service, CGNAT, multicast, reserved).
 */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  FORBIDDEN.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  FORBIDDEN.addSubnet(net, prefix, "ipv6");

/** True when the address is one of ours to protect (an IPv4-mapped IPv6 address counts as its IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return FORBIDDEN.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return FORBIDDEN.check(mapped[1]!, "ipv4");
  return FORBIDDEN.check(address, "ipv6");
}

let override: boolean | undefined;

/** Tests switch the policy both ways (the configuration is read once per process). */
export function setWebhookAddressPolicy(allowPrivate: boolean | undefined) {
  override = allowPrivate;
}

/**
 * WEBHOOKS_ALLOW_PRIVATE=1 lets endpoints reach private addresses (development, tests);
 * =0 forbids it. Unset: allowed outside production only.
 */
export function privateAddressesAllowed(config: Pick<Env, "NODE_ENV" | "WEBHOOKS_ALLOW_PRIVATE"> = env()): boolean {
  if (override !== undefined) return override;
  const setting = config.WEBHOOKS_ALLOW_PRIVATE;
  if (setting === "1" || setting === "true") return true;
  if (setting === "0" || setting === "false") return false;
  return config.NODE_ENV !== "production";
}

export class ForbiddenAddressError extends Error {
  constructor(readonly address: string) {
    super(`refused: ${address} is a private, loopback or reserved address`);
  }
}

/** A URL's shape: http(s) only, no credentials. Returns the parsed URL or null. */
export function parseEndpointUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** Every address the URL's host resolves to now, checked; throws ForbiddenAddressError. */
export async function assertPublicUrl(url: URL, allowPrivate = privateAddressesAllowed()) {
  if (allowPrivate) return;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  const forbidden = addresses.find(isForbiddenAddress);
  if (forbidden) throw new ForbiddenAddressError(forbidden);
}

/** For an endpoint being saved: a SafeError the admin reads. */
export async function checkEndpointUrl(value: string, allowPrivate = privateAddressesAllowed()) {
  const url = parseEndpointUrl(value);
  if (!url) throw new SafeError("webhooks.errors.invalidUrl");
  try {
    await assertPublicUrl(url, allowPrivate);
  } catch (error) {
    if (error instanceof ForbiddenAddressError) throw new SafeError("webhooks.errors.privateAddress", { address: error.address });
    throw new SafeError("webhooks.errors.unresolvable", { host: url.hostname });
  }
  return url;
}

/**
 * A `lookup` for http.request that refuses forbidden addresses at connection time, so a
 * host that resolved to a public address when saved cannot rebind to ours later.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: (error: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void,
  ) => {
    lookup(hostname, { all: true, verbatim: true }).then(
      (entries) => {
        const allowed = allowPrivate ? entries : entries.filter((entry) => !isForbiddenAddress(entry.address));
        if (!allowed.length) return callback(new ForbiddenAddressError(entries[0]?.address ?? hostname) as NodeJS.ErrnoException, "", 4);
        if (options.all) return callback(null, allowed);
        callback(null, allowed[0]!.address, allowed[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}
