import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automations } from "@/db/schema";

export async function listAutomations(db: Db, { companyId }: { companyId: string }) {
  return db
    .select({
      id: automations.id,
      name: automations.name,
      type: automations.type,
      status: automations.status,
      schedule: automations.schedule,
      dailyAt: automations.dailyAt,
      activatedAt: automations.activatedAt,
    })
    .from(automations)
    .where(eq(automations.companyId, companyId))
    .orderBy(desc(automations.createdAt));
}
