import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const LINK_DAYS = 7;

const signature = (exportId: string, expires: number) => createHmac("sha256", env().authSecret).update(`conversation-export:${exportId}:${expires}`).digest("base64url");

/** A link to a large export's PDF that works without signing in, until it expires. */
export function signedDownloadUrl(appUrl: string, exportId: string, now = new Date()) {
  const expires = Math.floor(now.getTime() / 1000) + LINK_DAYS * 24 * 3600;
  const url = new URL(`/api/conversation-exports/${exportId}`, appUrl);
  url.searchParams.set("expires", String(expires));
  url.searchParams.set("signature", signature(exportId, expires));
  return url.toString();
}

export function isValidDownload(exportId: string, expires: number, given: string, now = new Date()) {
  if (!Number.isInteger(expires) || expires * 1000 < now.getTime()) return false;
  const expected = Buffer.from(signature(exportId, expires));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
