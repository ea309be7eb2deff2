import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify, importSPKI } from "jose";

/**
 * Signs legacy SMS API callback parameters the way Vonage does (sorted `&key=value`,
 * `&` and `=` in values replaced by `_`, HMAC-SHA256 with the signature secret).
 */
export function signLegacyParams(params: Record<string, string>, secret: string, now = new Date()): Record<string, string> {
  const withTimestamp: Record<string, string> = { ...params, timestamp: String(Math.floor(now.getTime() / 1000)) };
  let signed = "";
  for (const name of Object.keys(withTimestamp).sort()) signed += `&${name}=${withTimestamp[name]!.replace(/[&=]/g, "_")}`;
  return { ...withTimestamp, sig: createHmac("sha256", secret).update(signed).digest("hex") };
}

export type FakeVonageRequest = { path: string; authorization: string | undefined; body: Record<string, unknown> };

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

/**
 * A local stand-in for the Vonage Messages API: checks the application JWT (RS256) the
 * SDK sends, records each request and answers like Vonage (202 + message_uuid), or with
 * the error the test queues.
 */
export async function startFakeVonage() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const verificationKey = await importSPKI(publicPem, "RS256");
  const requests: FakeVonageRequest[] = [];
  const queuedErrors: { status: number; body: Record<string, unknown> }[] = [];
  let counter = 0;
  const server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || "{}") as Record<string, unknown>;
    requests.push({ path: request.url ?? "", authorization: request.headers.authorization, body });
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    try {
      if (!token) throw new Error("no token");
      await jwtVerify(token, verificationKey, { algorithms: ["RS256"] });
    } catch {
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ title: "Unauthorized", detail: "Invalid JWT" }));
      return;
    }
    const error = queuedErrors.shift();
    if (error) {
      response.writeHead(error.status, { "content-type": "application/json" });
      response.end(JSON.stringify(error.body));
      return;
    }
    counter += 1;
    response.writeHead(202, { "content-type": "application/json" });
    response.end(JSON.stringify({ message_uuid: `aaaaaaaa-bbbb-cccc-dddd-${String(counter).padStart(12, "0")}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiHost: `http://127.0.0.1:${port}`,
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    applicationId: "11111111-2222-3333-4444-555555555555",
    requests,
    failNext: (status: number, body: Record<string, unknown>) => queuedErrors.push({ status, body }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
