export type LimitedBody = { ok: true; text: string } | { ok: false; response: Response };

const tooLarge = (maxBytes: number): LimitedBody => ({
  ok: false,
  response: Response.json({ error: `The body is larger than ${maxBytes} bytes` }, { status: 413 }),
});

/**
 * Reads a request body of at most `maxBytes`, before any signature check: a declared
 * Content-Length over the cap is refused unread, and a body streamed without one (or
 * lying about it) is cut off as soon as it passes the cap.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(body) };
}

/** The same request with its body already read, for code that reads it again. */
export function withBody(request: Request, text: string) {
  return new Request(request.url, { method: request.method, headers: request.headers, body: request.method === "GET" || request.method === "HEAD" ? undefined : text });
}
