/** Rows the benches set up the same way: real-time automations and a campaign that is sending. */
import * as s from "@/db/schema";
import type { AudienceRules } from "@/db/schema";
import type { Db } from "@/db/client";

export type AutomationAudience = { rules: AudienceRules; triggerScope: "customer" | "appointment" };

/** One active real-time automation per audience, each re-checking its audience every `everyMinutes`. */
export async function createRealtimeAutomations(db: Db, companyId: string, audiences: AutomationAudience[], { everyMinutes = 5 }: { everyMinutes?: number } = {}) {
  if (audiences.length === 0) return [];
  return db
    .insert(s.automations)
    .values(
      audiences.map((audience, i) => ({
        companyId,
        name: `Bench automation ${i}`,
        status: "active" as const,
        schedule: "realtime" as const,
        realtimeEveryMinutes: everyMinutes,
        messageBody: "Bonjour { customer.first_name }",
        ...audience,
      })),
    )
    .returning({ id: s.automations.id });
}

/** A campaign already sending (planned by its first runner) to `audience`. */
export async function createSendingCampaign(db: Db, { companyId, audience, marketing = true }: { companyId: string; audience: AudienceRules; marketing?: boolean }) {
  const [campaign] = await db
    .insert(s.campaigns)
    .values({ companyId, name: "Pneus d'hiver", status: "sending", marketing, messageBody: "Bonjour { customer.first_name }, pneus d'hiver -20 % ce mois-ci.", audience, startedAt: new Date() })
    .returning();
  return campaign!;
}
