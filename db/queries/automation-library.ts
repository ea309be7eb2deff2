import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automations } from "@/db/schema";

/** Which library template an automation came from (shown on its page, kept by duplicates). */
export async function setAutomationTemplateKey(db: Db, { companyId, automationId, templateKey }: { companyId: string; automationId: string; templateKey: string }) {
  await db
    .update(automations)
    .set({ templateKey })
    .where(and(eq(automations.companyId, companyId), eq(automations.id, automationId)));
}
