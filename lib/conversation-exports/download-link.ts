import "server-only";
import { isLinkSignature, signLink } from "@/lib/http/signature";

export const LINK_DAYS = 7;

const PURPOSE = "conversation-export";

/** A link to a large export's PDF that works without signing in, until it expires. */
export function signedDownloadUrl(appUrl: string, exportId: string, now = new Date()) {
  const expires = Math.floor(now.getTime() / 1000) + LINK_DAYS * 24 * 3600;
  const url = new URL(`/api/conversation-exports/${exportId}`, appUrl);
  url.searchParams.set("expires", String(expires));
  url.searchParams.set("signature", signLink(PURPOSE, `${exportId}:${expires}`));
  return url.toString();
}

export function isValidDownload(exportId: string, expires: number, given: string, now = new Date()) {
  if (!Number.isInteger(expires) || expires * 1000 < now.getTime()) return false;
  return isLinkSignature(PURPOSE, `${exportId}:${expires}`, given);
}
