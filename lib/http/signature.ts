import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Signs what a link carries with the instance's secret, so the link works without signing
 * in and cannot be forged. `purpose` keeps one kind of link from passing for another.
 */
export function signLink(purpose: string, payload: string) {
  return createHmac("sha256", env().authSecret).update(`${purpose}:${payload}`).digest("base64url");
}

/** Whether `given` is our signature of the payload for that purpose (compared in constant time). */
export function isLinkSignature(purpose: string, payload: string, given: string) {
  const expected = Buffer.from(signLink(purpose, payload));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
