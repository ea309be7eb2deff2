import { clientIp, trustedProxies } from "./client-ip";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("the client address used for sign-in throttling", () => {
  it("ignores X-Forwarded-For when no proxy is configured: any client could write it", () => {
    expect(clientIp(forwarded("203.0.113.9"), trustedProxies(undefined))).toBeNull();
    expect(clientIp(forwarded("203.0.113.9"), trustedProxies(""))).toBeNull();
  });

  it("takes the nearest address that is not a trusted proxy, so a forged left part is ignored", () => {
    const proxies = trustedProxies("10.0.0.0/8, 127.0.0.1, ::1");
    expect(clientIp(forwarded("1.2.3.4, 198.51.100.7"), proxies)).toBe("198.51.100.7");
    expect(clientIp(forwarded("1.2.3.4, 198.51.100.7, 10.1.2.3"), proxies)).toBe("198.51.100.7");
    expect(clientIp(forwarded("::ffff:198.51.100.8"), proxies)).toBe("198.51.100.8");
    expect(clientIp(new Headers(), proxies)).toBeNull();
  });

  it("names the setting when an entry is not an address", () => {
    expect(() => trustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });
});
