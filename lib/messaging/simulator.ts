import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { findSimulatorCompany, listMessageFileTokens, listSimulatorCustomers, listSimulatorMessages } from "@/db/queries/simulator";
import { publicFileUrl } from "@/lib/files/files";
import { parsePhone } from "@/lib/phone";
import { handleInboundWebhook } from "./webhooks/vonage";
import { signMessagesWebhook } from "./webhooks/vonage-signature";

export const simulatorTextSchema = z.object({
  from: z.string().trim().min(7, { message: "simulator.numberInvalid" }),
  text: z.string().trim().min(1, { message: "simulator.textRequired" }).max(1600),
});

type Delivery = { appUrl: string; secret: string; deliver?: (request: Request) => Promise<Response> };

/**
 * The phone simulator texts as a customer by handing a correctly signed Messages API
 * inbound webhook to the inbound handling, in this process: it never reaches out to a
 * host (one taken from request headers would let anyone aim it elsewhere).
 */
export async function textAsCustomer(
  db: Db,
  input: z.infer<typeof simulatorTextSchema> & { companyId: string },
  { appUrl, secret, deliver = handleInboundWebhook }: Delivery,
) {
  const company = await findSimulatorCompany(db, { companyId: input.companyId });
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
  const response = await deliver(
    new Request(new URL("/api/webhooks/vonage/inbound", appUrl), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: await signMessagesWebhook(body, secret) },
      body,
    }),
  );
  if (!response.ok) return { ok: false as const, error: "simulator.webhookFailed", status: response.status };
  return { ok: true as const, from: from.e164 };
}

export const simulatorCustomers = listSimulatorCustomers;

/** What the customer's phone shows: every text to and from the company, file links included. */
export async function simulatorThread(db: Db, { companyId, customerId, appUrl }: { companyId: string; customerId: string; appUrl: string }) {
  const rows = await listSimulatorMessages(db, { companyId, customerId });
  const files = await listMessageFileTokens(db, { companyId, messageIds: rows.map((row) => row.id) });
  return rows.map((row) => ({ ...row, links: files.filter((f) => f.messageId === row.id).map((f) => publicFileUrl(appUrl, f.token)) }));
}
