import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { customerSearchCondition } from "@/db/queries/customers";
import { attachments, companies, customers, messages } from "@/db/schema";
import { publicFileUrl } from "@/lib/files/files";
import { parsePhone } from "@/lib/phone";
import { signMessagesWebhook } from "./webhooks/vonage-signature";

export const simulatorTextSchema = z.object({
  companyId: z.uuid(),
  from: z.string().trim().min(7, { message: "simulator.numberInvalid" }),
  text: z.string().trim().min(1, { message: "simulator.textRequired" }).max(1600),
});

/**
 * The phone simulator texts as a customer by posting a correctly signed Messages API
 * inbound webhook to the real route, exactly as Vonage would.
 */
export async function textAsCustomer(
  db: Db,
  input: z.infer<typeof simulatorTextSchema>,
  { webhookUrl, secret }: { webhookUrl: string; secret: string },
) {
  const [company] = await db.select().from(companies).where(eq(companies.id, input.companyId));
  if (!company?.senderNumber) return { ok: false as const, error: "simulator.noSenderNumber" };
  const from = parsePhone(input.from, company.countryCode);
  if (!from.ok) return { ok: false as const, error: "simulator.numberInvalid" };
  const body = JSON.stringify({
    channel: "sms",
    message_type: "text",
    message_uuid: randomUUID(),
    to: company.senderNumber.replace(/^\+/, ""),
    from: from.e164.replace(/^\+/, ""),
    text: input.text,
    timestamp: new Date().toISOString(),
  });
  const response = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: await signMessagesWebhook(body, secret) },
    body,
  });
  if (!response.ok) return { ok: false as const, error: "simulator.webhookFailed", status: response.status };
  return { ok: true as const, from: from.e164 };
}

export async function simulatorCompanies(db: Db) {
  return db.select({ id: companies.id, name: companies.name, senderNumber: companies.senderNumber }).from(companies).where(isNotNull(companies.senderNumber)).orderBy(asc(companies.createdAt));
}

export async function simulatorCustomers(db: Db, { companyId, query }: { companyId: string; query?: string }) {
  const search = query ? customerSearchCondition(query) : undefined;
  return db
    .select({ id: customers.id, firstName: customers.firstName, lastName: customers.lastName, mobile: customers.mobile, optedOutAt: customers.optedOutAt })
    .from(customers)
    .where(and(eq(customers.companyId, companyId), isNotNull(customers.mobile), isNull(customers.mergedIntoId), ...(search ? [search] : [])))
    .orderBy(asc(customers.lastName), asc(customers.firstName))
    .limit(60);
}

/** What the customer's phone shows: every text to and from the company, file links included. */
export async function simulatorThread(db: Db, { companyId, customerId, appUrl }: { companyId: string; customerId: string; appUrl: string }) {
  const rows = await db
    .select({ id: messages.id, direction: messages.direction, body: messages.body, createdAt: messages.createdAt, status: messages.status })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.customerId, customerId)))
    .orderBy(asc(messages.createdAt))
    .limit(300);
  const files = rows.length
    ? await db
        .select({ messageId: attachments.messageId, token: attachments.publicToken })
        .from(attachments)
        .where(and(eq(attachments.companyId, companyId), inArray(attachments.messageId, rows.map((r) => r.id))))
    : [];
  return rows.map((row) => ({ ...row, links: files.filter((f) => f.messageId === row.id).map((f) => publicFileUrl(appUrl, f.token)) }));
}
