import { InngestTestEngine } from "@inngest/test";
import { savePushSubscription } from "@/db/queries/push";
import { recordNotifications } from "@/lib/notifications/notify";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createUser } from "@/tests/factories";
import { withFakePushService } from "@/tests/fakes/push-service";
import { sweepFunctions } from "../sweeps";
import { deliverPushes } from "./deliver-pushes";

const database = withTestDatabase();
const service = withFakePushService();

describe("deliver-pushes on an Inngest engine", () => {
  it("pushes the company's new notifications when the event comes, and the sweep after it finds nothing left to push", async () => {
    const company = await createCompany(database.db);
    const agent = await createUser(database.db, company.id, { language: "fr" });
    const device = service.subscribe();
    await savePushSubscription(database.db, { companyId: company.id, userId: agent.id, subscription: { endpoint: device.endpoint, p256dh: device.keys.p256dh, auth: device.keys.auth, userAgent: null, deviceLabel: null } });
    // Recorded as inside a caller's transaction: nothing is pushed until the worker runs.
    await recordNotifications(database.db, { companyId: company.id, userIds: [agent.id], kind: "conversation.mention", data: { preview: "@Alex peux-tu rappeler ?" }, link: "/conversations" });
    expect(service.pushesTo(device.id)).toHaveLength(0);

    const { result } = await new InngestTestEngine({ function: deliverPushes, events: [{ name: "push/deliveries.due", data: { companyId: company.id } }] }).execute();
    expect(result).toMatchObject({ sent: 1 });
    expect(JSON.parse(device.decrypt(service.pushesTo(device.id)[0]!.body))).toMatchObject({ title: "Vous avez été mentionné dans une note", body: "@Alex peux-tu rappeler ?" });

    const sweep = sweepFunctions.find((fn) => fn.id() === "sweep-deliver-pushes")!;
    await new InngestTestEngine({ function: sweep, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(service.pushesTo(device.id)).toHaveLength(1);
  });
});
