import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { runCampaign } from "@/lib/campaigns/run";
import { withTestDatabase } from "@/tests/db";
import { AFTERNOON, at, campaignMessagesOf, confirmedScheduled, recipientsOfCampaign, setupCampaign } from "@/tests/campaigns";
import { runRequestedCampaign } from "./run-campaign";

const database = withTestDatabase();

/** A sending campaign to Julie and Sam, quiet hours off (the function reads the real clock). */
async function sendingCampaign() {
  const t = await setupCampaign(database.db);
  await database.db.update(s.companies).set({ quietHoursStart: "00:00", quietHoursEnd: "00:00" }).where(eq(s.companies.id, t.company.id));
  await confirmedScheduled(t, new Date(Date.now() + 60_000));
  return t;
}

describe("run-requested-campaign", () => {
  it("texts every recipient on its event and completes the campaign; the event again texts no one twice", async () => {
    const t = await sendingCampaign();
    const engine = () => new InngestTestEngine({ function: runRequestedCampaign, events: [{ name: "campaign/run.requested", data: { companyId: t.company.id, campaignId: t.campaignId } }] });
    const { result } = await engine().execute();
    expect(result).toMatchObject({ outcome: { status: "ran", sent: 2, completed: true, more: false }, steps: 1 });
    const messages = await campaignMessagesOf(database.db, t.company.id);
    expect(messages.map((message) => message.customerId).sort()).toEqual([t.customers.julie.id, t.customers.sam.id].sort());
    const [campaign] = await database.db.select().from(s.campaigns).where(eq(s.campaigns.id, t.campaignId));
    expect(campaign!.status).toBe("completed");

    expect((await engine().execute()).result).toMatchObject({ outcome: { status: "idle" }, steps: 1 });
    expect(await campaignMessagesOf(database.db, t.company.id)).toHaveLength(2);
  });

  it("a step stops claiming when its time is up and says recipients are left; the next step carries on where it stopped", async () => {
    const t = await sendingCampaign();
    const first = await runCampaign(database.db, { companyId: t.company.id, campaignId: t.campaignId }, { ...at(AFTERNOON), now: new Date(), batchSize: 1, budgetMs: 0 });
    expect(first).toMatchObject({ status: "ran", sent: 1, completed: false, more: true });
    expect((await recipientsOfCampaign(database.db, t.campaignId)).filter((recipient) => recipient.status === "pending")).toHaveLength(1);
    const second = await runCampaign(database.db, { companyId: t.company.id, campaignId: t.campaignId }, { ...at(AFTERNOON), now: new Date(), batchSize: 1, budgetMs: 0 });
    expect(second).toMatchObject({ status: "ran", sent: 1 });
    const third = await runCampaign(database.db, { companyId: t.company.id, campaignId: t.campaignId }, { ...at(AFTERNOON), now: new Date(), batchSize: 1, budgetMs: 0 });
    expect(third).toMatchObject({ status: "idle" });
    expect(await campaignMessagesOf(database.db, t.company.id)).toHaveLength(2);
  });
});
