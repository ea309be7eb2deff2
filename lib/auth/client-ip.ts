import { BlockList, isIP } from "node:net";

/** Parses TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (IPv4 or IPv6). */
export function trustedProxies(setting: string | undefined): BlockList | null {
  const entries = (setting ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (!isIP(address)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

const normalise = (value: string) => {
  const address = value.trim().replace(/^\[([^\]]+)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
};

const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address, or null when it cannot be known. X-Forwarded-For is believed only
 * when proxies are configured: walking it from the right (the nearest hop), trusted
 * proxies are skipped and the first other address is the client. Without configured
 * proxies any client could write the header, so it is ignored.
 */
export function clientIp(headers: Headers, proxies: BlockList | null): string | null {
  if (!proxies) return null;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normalise).filter((hop) => isIP(hop) !== 0);
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!isTrusted(proxies, hops[index]!)) return hops[index]!;
  }
  return hops[0] ?? null;
}
