import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { automations, companies, conversations, customers } from "@/db/schema";

export async function findCompany(db: Db, { companyId }: { companyId: string }) {
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId)).limit(1);
  return company;
}

export async function findCompanyBySenderNumber(db: Db, senderNumber: string) {
  const [company] = await db
    .select()
    .from(companies)
    .where(eq(companies.senderNumber, senderNumber))
    .limit(1);
  return company;
}

/** Figures shown as sidebar badges. */
export async function companyCounts(db: Db, { companyId }: { companyId: string }) {
  const [[open], [people], [active]] = await Promise.all([
    db
      .select({ value: count() })
      .from(conversations)
      .where(
        and(
          eq(conversations.companyId, companyId),
          eq(conversations.status, "open"),
          eq(conversations.archived, false),
        ),
      ),
    db
      .select({ value: count() })
      .from(customers)
      .where(and(eq(customers.companyId, companyId), isNull(customers.mergedIntoId))),
    db
      .select({ value: count() })
      .from(automations)
      .where(and(eq(automations.companyId, companyId), eq(automations.status, "active"))),
  ]);
  return {
    openConversations: open?.value ?? 0,
    customers: people?.value ?? 0,
    activeAutomations: active?.value ?? 0,
  };
}
