import { createECDH } from "node:crypto";
import { instanceKeys } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { resetVapidKeysCache, vapidKeys } from "./vapid";

const database = withTestDatabase();

describe("the server's VAPID keys when none are configured", () => {
  it("are generated once, kept in the database, and the same for every process (browsers subscribed to that public key)", async () => {
    const first = await vapidKeys(database.db);
    resetVapidKeysCache();
    const [again, concurrently] = await Promise.all([vapidKeys(database.db), (resetVapidKeysCache(), vapidKeys(database.db))]);
    expect(again).toEqual(first);
    expect(concurrently).toEqual(first);
    expect(await database.db.select().from(instanceKeys)).toHaveLength(1);
    // A real P-256 pair: the private half gives the public one.
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(first.privateKey, "base64url"));
    expect(ecdh.getPublicKey().toString("base64url")).toBe(first.publicKey);
    expect(first.subject).toMatch(/^mailto:/);
  });
});
