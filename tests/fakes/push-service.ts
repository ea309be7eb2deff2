import { execFileSync } from "node:child_process";
import { createECDH, createHmac, createPublicKey, createDecipheriv, randomBytes, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, globalAgent, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type PushRequest = { subscription: string; headers: Record<string, string>; body: Buffer; claims: { aud: string; exp: number; sub: string } };

/**
 * A local push service (what FCM / Mozilla autopush / Apple are to a browser): an HTTPS
 * server that accepts RFC 8030 pushes at /push/<id>, refuses any whose VAPID JWT
 * (RFC 8292) does not verify against the key it names, records the rest, and answers
 * with queued statuses (then 201). `subscribe()` plays the browser: it makes the keys a
 * device would and decrypts what it receives (RFC 8291).
 */
export async function startFakePushService() {
  const certificate = selfSignedCertificate();
  const received: PushRequest[] = [];
  const replies = new Map<string, number[]>();
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const match = /^\/push\/([\w-]+)$/.exec(request.url ?? "");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : (value ?? "")]));
      const claims = match && request.method === "POST" ? verifiedVapidClaims(headers.authorization, `https://127.0.0.1:${port}`) : null;
      if (!match || !claims) {
        response.writeHead(match ? 401 : 404).end();
        return;
      }
      const subscription = match[1]!;
      const status = replies.get(subscription)?.shift() ?? 201;
      if (status === 201) received.push({ subscription, headers, body: Buffer.concat(chunks), claims });
      response.writeHead(status, status === 429 ? { "retry-after": "30" } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The certificate web-push must trust to reach this server. */
    ca: certificate.cert,
    received,
    /** A browser's subscription at this service: what PushManager.subscribe() returns, plus its private half. */
    subscribe() {
      const id = randomBytes(8).toString("hex");
      const ecdh = createECDH("prime256v1");
      const publicKey = ecdh.generateKeys();
      const authSecret = randomBytes(16);
      return {
        id,
        endpoint: `https://127.0.0.1:${port}/push/${id}`,
        keys: { p256dh: publicKey.toString("base64url"), auth: authSecret.toString("base64url") },
        decrypt: (body: Buffer) => decryptAes128gcm(body, ecdh, authSecret),
      };
    },
    /** The next answers to pushes for one subscription (e.g. 410, 429, 500). */
    reply(subscriptionId: string, ...statuses: number[]) {
      replies.set(subscriptionId, [...(replies.get(subscriptionId) ?? []), ...statuses]);
    },
    pushesTo: (subscriptionId: string) => received.filter((push) => push.subscription === subscriptionId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakePushService = Awaited<ReturnType<typeof startFakePushService>>;

/**
 * A fake push service for the test file's lifetime. web-push speaks HTTPS only, so its
 * self-signed certificate is trusted while the file runs (and nothing else changes).
 */
export function withFakePushService(): Pick<FakePushService, "subscribe" | "reply" | "pushesTo"> {
  let service: FakePushService;
  beforeAll(async () => {
    service = await startFakePushService();
    globalAgent.options.ca = service.ca;
  });
  afterAll(async () => {
    delete globalAgent.options.ca;
    await service.close();
  });
  return {
    subscribe: () => service.subscribe(),
    reply: (subscriptionId, ...statuses) => service.reply(subscriptionId, ...statuses),
    pushesTo: (subscriptionId) => service.pushesTo(subscriptionId),
  };
}

/** `Authorization: vapid t=<JWT>, k=<public key>`: ES256 over the JWT, audience = the push service's origin. */
function verifiedVapidClaims(authorization: string | undefined, origin: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? "");
  if (!match) return null;
  const [header, payload, signature] = match[1]!.split(".") as [string, string, string];
  const raw = Buffer.from(match[2]!, "base64url");
  if (raw.length !== 65 || raw[0] !== 4) return null;
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33).toString("base64url") }, format: "jwk" });
  const signed = verify("sha256", Buffer.from(`${header}.${payload}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  const alg = (JSON.parse(Buffer.from(header, "base64url").toString()) as { alg?: string }).alg;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { aud: string; exp: number; sub: string };
  const fresh = claims.exp > Date.now() / 1000 && claims.exp <= Date.now() / 1000 + 24 * 3600;
  return signed && alg === "ES256" && claims.aud === origin && fresh && /^(mailto:|https:)/.test(claims.sub) ? claims : null;
}

/** RFC 8291 (Web Push encryption) over RFC 8188 (aes128gcm), as a browser decrypts a push. */
function decryptAes128gcm(body: Buffer, receiver: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();
  const sharedSecret = receiver.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), receiver.getPublicKey(), senderPublicKey, Buffer.from([1])]);
  const inputKey = hmac(hmac(authSecret, sharedSecret), keyInfo);
  const prk = hmac(salt, inputKey);
  const contentKey = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", contentKey, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("not the last record of an aes128gcm body");
  return padded.subarray(0, end).toString("utf8");
}

function selfSignedCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-push-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
