import { createECDH, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { listPushSubscriptions } from "@/db/queries/push";
import { pushSubscriptions } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser } from "@/tests/factories";
import { removePushDevice, savePushDevice } from "./actions";

const database = withTestDatabase();

const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/** What PushSubscription.toJSON() gives in a browser. */
function browserSubscription(host = "fcm.googleapis.com") {
  return {
    endpoint: `https://${host}/fcm/send/${randomBytes(12).toString("base64url")}`,
    keys: { p256dh: createECDH("prime256v1").generateKeys().toString("base64url"), auth: randomBytes(16).toString("base64url") },
  };
}

async function member() {
  const company = await createCompany(database.db);
  const user = await createUser(database.db, company.id);
  return { company, user, context: contextFor(database.db, user, company.id) };
}

describe("savePushDevice", () => {
  it("keeps this browser as one of the user's devices, named from its user agent, once however often it subscribes", async () => {
    const { company, user, context } = await member();
    const subscription = browserSubscription();
    const first = await savePushDevice.run(context, { ...subscription, userAgent: ANDROID_CHROME });
    const again = await savePushDevice.run(context, { ...subscription, userAgent: ANDROID_CHROME });
    expect(first).toMatchObject({ ok: true });
    expect(again).toEqual(first);
    expect(await listPushSubscriptions(database.db, { companyId: company.id, userId: user.id })).toEqual([
      expect.objectContaining({ endpoint: subscription.endpoint, deviceLabel: "Chrome · Android" }),
    ]);
  });

  it("refuses what is not a browser's subscription: another host (the server would POST there), plain http, wrong key sizes", async () => {
    const { company, user, context } = await member();
    const good = browserSubscription();
    const cases = [
      { ...good, endpoint: "https://169.254.169.254/latest/meta-data" },
      { ...good, endpoint: "https://fcm.googleapis.com.evil.test/send/x" },
      { ...good, endpoint: "http://fcm.googleapis.com/fcm/send/x" },
      { ...good, keys: { ...good.keys, p256dh: randomBytes(33).toString("base64url") } },
      { ...good, keys: { ...good.keys, auth: "" } },
    ];
    for (const input of cases) expect(await savePushDevice.run(context, input)).toMatchObject({ ok: false, error: "errors.invalidInput" });
    expect(await listPushSubscriptions(database.db, { companyId: company.id, userId: user.id })).toEqual([]);
    // Firefox's and Safari's push services are accepted too.
    for (const host of ["updates.push.services.mozilla.com", "web.push.apple.com"]) expect(await savePushDevice.run(context, browserSubscription(host))).toMatchObject({ ok: true });
  });
});

describe("removePushDevice", () => {
  it("removes one of the user's own devices", async () => {
    const { company, user, context } = await member();
    const saved = await savePushDevice.run(context, browserSubscription());
    if (!saved.ok) throw new Error("not saved");
    expect(await removePushDevice.run(context, { id: saved.data.id })).toEqual({ ok: true, data: null });
    expect(await listPushSubscriptions(database.db, { companyId: company.id, userId: user.id })).toEqual([]);
  });

  it("cannot remove another user's device, in the same company or another", async () => {
    const { company, context } = await member();
    const colleague = await createUser(database.db, company.id);
    const other = await member();
    const ids = [];
    for (const ctx of [contextFor(database.db, colleague, company.id), other.context]) {
      const saved = await savePushDevice.run(ctx, browserSubscription());
      if (!saved.ok) throw new Error("not saved");
      ids.push(saved.data.id);
    }
    for (const id of ids) {
      expect(await removePushDevice.run(context, { id })).toEqual({ ok: false, error: "errors.notFound" });
      expect(await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id))).toHaveLength(1);
    }
    expect(await removePushDevice.run(context, { id: "not-a-uuid" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
  });
});
