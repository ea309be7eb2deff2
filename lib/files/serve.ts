import "server-only";
import { defaultStorage } from "./storage";

/** A stored file's bytes as an HTTP response, inline or as a download. */
export async function fileResponse(row: { storageKey: string; fileName: string; contentType: string }, { download }: { download: boolean }) {
  const body = await defaultStorage().get(row.storageKey);
  if (!body) return new Response("Not found", { status: 404 });
  const disposition = `${download ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": row.contentType,
      "content-length": String(body.length),
      "content-disposition": disposition,
      "cache-control": "private, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
