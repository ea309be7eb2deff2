import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { confirmCampaign, dryRunCampaign, saveCampaign } from "@/lib/campaigns/actions";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { SenderThrottle } from "@/lib/messaging/throttle";
import { contextFor, createCompany, createCustomer, createUser } from "./factories";

export const noThrottle = new SenderThrottle(0);
// 15:00 in Montréal, outside quiet hours (21:00–08:00); 22:30 inside.
export const AFTERNOON = new Date("2026-12-01T20:00:00Z");
export const NIGHT = new Date("2026-12-02T03:30:00Z");
/** Run options at a given time: the local channel itself, no throttle. */
export const at = (now: Date) => ({ dependencies: { provider: localSmsProvider, now }, throttle: noThrottle, now });

/**
 * A company (quiet hours 21:00–08:00 in Montréal), an admin, the replies user, a draft
 * campaign to every customer and five customers: two it texts (Julie in French, Sam in
 * English) and one opted out, one unsubscribed from marketing, one without a mobile.
 */
export async function setupCampaign(db: Db, { marketing = true, body = "Bonjour { customer.first_name }, pneus d'hiver -20 % chez { company.name }." } = {}) {
  const company = await createCompany(db, { name: "Beaulieu Auto", timezone: "America/Toronto", quietHoursStart: "21:00", quietHoursEnd: "08:00" });
  const admin = await createUser(db, company.id, { role: "admin" });
  const replier = await createUser(db, company.id, { role: "agent" });
  const context = contextFor(db, admin, company.id);
  const customers = {
    julie: await createCustomer(db, company.id, { firstName: "Julie", language: "fr" }),
    sam: await createCustomer(db, company.id, { firstName: "Sam", language: "en" }),
    stop: await createCustomer(db, company.id, { firstName: "Stop", optedOutAt: new Date("2026-11-01T00:00:00Z") }),
    nomarketing: await createCustomer(db, company.id, { firstName: "Nomarketing", subscribedMarketing: false }),
    nomobile: await createCustomer(db, company.id, { firstName: "Nomobile", mobile: null }),
  };
  const saved = await saveCampaign.run(context, { name: "Pneus", messageBody: body, marketing, audience: { all: [] }, repliesUserId: replier.id });
  if (!saved.ok) throw new Error(saved.error);
  return { db, company, admin, replier, context, customers, campaignId: saved.data.id };
}

export type CampaignSetup = Awaited<ReturnType<typeof setupCampaign>>;

/** Dry run and confirm for `sendAt`, then sending without the in-process run: the test drives the runners itself. */
export async function confirmedScheduled(t: CampaignSetup, sendAt: Date) {
  await t.db.update(s.campaigns).set({ sendAt }).where(eq(s.campaigns.id, t.campaignId));
  const dry = await dryRunCampaign.run(t.context, { id: t.campaignId });
  if (!dry.ok) throw new Error(dry.error);
  const result = await confirmCampaign.run(t.context, { id: t.campaignId, confirmedCount: dry.data.willReceive });
  if (!result.ok || result.data.status !== "scheduled") throw new Error(`not scheduled: ${JSON.stringify(result)}`);
  await t.db.update(s.campaigns).set({ status: "sending", startedAt: new Date() }).where(eq(s.campaigns.id, t.campaignId));
  return dry.data;
}

export const campaignMessagesOf = (db: Db, companyId: string) => db.select().from(s.messages).where(and(eq(s.messages.companyId, companyId), eq(s.messages.sourceKind, "campaign")));
export const recipientsOfCampaign = (db: Db, campaignId: string) => db.select().from(s.campaignRecipients).where(eq(s.campaignRecipients.campaignId, campaignId));
