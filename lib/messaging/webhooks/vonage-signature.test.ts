import { signMessagesWebhook, verifyVonageWebhook } from "./vonage-signature";

const SECRET = "a-webhook-signature-secret-of-32-chars-or-more";
const URL = "http://localhost/api/webhooks/vonage/inbound";

async function signedRequest(signedAt: Date) {
  const body = JSON.stringify({ message_uuid: "00000000-0000-4000-8000-000000000001", text: "Bonjour" });
  const authorization = await signMessagesWebhook(body, SECRET, signedAt);
  return new Request(URL, { method: "POST", headers: { "content-type": "application/json", authorization }, body });
}

describe("Vonage Messages API signature age", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("accepts a token signed a moment ago, or a few seconds ahead of our clock", async () => {
    expect(await verifyVonageWebhook(await signedRequest(secondsAgo(10)), SECRET, now)).toMatchObject({ ok: true });
    expect(await verifyVonageWebhook(await signedRequest(secondsAgo(299)), SECRET, now)).toMatchObject({ ok: true });
    expect(await verifyVonageWebhook(await signedRequest(secondsAgo(-30)), SECRET, now)).toMatchObject({ ok: true });
  });

  it("refuses a replayed token older than 5 minutes, even a year-old one", async () => {
    expect(await verifyVonageWebhook(await signedRequest(secondsAgo(301)), SECRET, now)).toMatchObject({ ok: false, status: 401 });
    expect(await verifyVonageWebhook(await signedRequest(secondsAgo(365 * 86_400)), SECRET, now)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a token dated beyond the clock skew in the future", async () => {
    expect(await verifyVonageWebhook(await signedRequest(secondsAgo(-120)), SECRET, now)).toMatchObject({ ok: false, status: 401 });
  });
});
