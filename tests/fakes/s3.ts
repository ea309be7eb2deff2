import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

const readBody = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
  });

/** A minimal S3-compatible server (path-style PUT, GET, DELETE of objects) that keeps objects in memory. */
export async function startFakeS3() {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const server = createServer(async (request, response) => {
    const key = decodeURIComponent(new URL(request.url ?? "/", "http://s3").pathname);
    if (!request.headers.authorization?.startsWith("AWS4-HMAC-SHA256")) {
      response.writeHead(403).end();
      return;
    }
    if (request.method === "PUT") {
      objects.set(key, { body: await readBody(request), contentType: String(request.headers["content-type"] ?? "") });
      response.writeHead(200, { etag: '"fake"' }).end();
    } else if (request.method === "GET") {
      const object = objects.get(key);
      if (!object) {
        response.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code><Message>Not found</Message></Error>");
        return;
      }
      response.writeHead(200, { "content-type": object.contentType, "content-length": object.body.length }).end(object.body);
    } else if (request.method === "DELETE") {
      objects.delete(key);
      response.writeHead(204).end();
    } else {
      response.writeHead(405).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, objects, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
