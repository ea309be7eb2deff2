import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customerSearchCondition } from "@/db/queries/customers";
import { attachments, companies, customers, messages } from "@/db/schema";

export async function findSimulatorCompany(db: Db, { companyId }: { companyId: string }) {
  const [company] = await db
    .select({ id: companies.id, name: companies.name, senderNumber: companies.senderNumber, countryCode: companies.countryCode })
    .from(companies)
    .where(eq(companies.id, companyId));
  return company;
}

export async function listSimulatorCustomers(db: Db, { companyId, query }: { companyId: string; query?: string }) {
  const search = query ? customerSearchCondition(query) : undefined;
  return db
    .select({ id: customers.id, firstName: customers.firstName, lastName: customers.lastName, mobile: customers.mobile, optedOutAt: customers.optedOutAt })
    .from(customers)
    .where(and(eq(customers.companyId, companyId), isNotNull(customers.mobile), isNull(customers.mergedIntoId), ...(search ? [search] : [])))
    .orderBy(asc(customers.lastName), asc(customers.firstName))
    .limit(60);
}

export async function listSimulatorMessages(db: Db, { companyId, customerId }: { companyId: string; customerId: string }) {
  return db
    .select({ id: messages.id, direction: messages.direction, body: messages.body, createdAt: messages.createdAt, status: messages.status })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.customerId, customerId)))
    .orderBy(asc(messages.createdAt))
    .limit(300);
}

export async function listMessageFileTokens(db: Db, { companyId, messageIds }: { companyId: string; messageIds: string[] }) {
  if (messageIds.length === 0) return [];
  return db
    .select({ messageId: attachments.messageId, token: attachments.publicToken })
    .from(attachments)
    .where(and(eq(attachments.companyId, companyId), inArray(attachments.messageId, messageIds)));
}
