import "server-only";
import { z } from "zod";
import { findApiCustomers, listApiCustomers } from "@/db/queries/api-resources";
import { parsePhone } from "@/lib/phone";
import { findCompany } from "@/db/queries/companies";
import { decodeCursor, pageOf, pageQuery, toPage } from "../pagination";
import { notFound } from "../problem";
import { ApiReply, defineApiRoute } from "../route";
import { batchResult, customerInput, customerOutput, serializeCustomer } from "../schemas";
import { upsertApiCustomers } from "../upsert";

export const BATCH_LIMIT = 1000;
const idParams = z.object({ id: z.uuid() });

async function customerById(db: Parameters<typeof findApiCustomers>[0], companyId: string, id: string) {
  const [customer] = await findApiCustomers(db, { companyId, customerIds: [id] });
  if (!customer) throw notFound("customer");
  return serializeCustomer(customer);
}

export const upsertCustomer = defineApiRoute(
  {
    method: "POST",
    path: "/customers",
    operationId: "upsertCustomer",
    summary: "Create or update a customer",
    description: "Matched by `external_id`, else by `mobile`, exactly as a row of an import. Answers 201 when the customer is new, 200 when it was updated.",
    tag: "Customers",
    scope: "write",
    body: customerInput,
    response: customerOutput,
  },
  async ({ body }, { db, companyId }) => {
    const outcome = await upsertApiCustomers(db, companyId, [body], { path: () => [] });
    const id = outcome.ids[0]!;
    return new ApiReply(outcome.createdIds.has(id) ? 201 : 200, await customerById(db, companyId, id));
  },
);

export const batchUpsertCustomers = defineApiRoute(
  {
    method: "POST",
    path: "/customers/batch",
    operationId: "batchUpsertCustomers",
    summary: "Create or update up to 1,000 customers",
    description: "All or nothing: one invalid item refuses the batch, with each problem's pointer (`/customers/3/mobile`).",
    tag: "Customers",
    scope: "write",
    body: z.object({ customers: z.array(customerInput).min(1).max(BATCH_LIMIT) }),
    response: batchResult,
  },
  async ({ body }, { db, companyId }) => {
    const outcome = await upsertApiCustomers(db, companyId, body.customers, { path: (index) => ["customers", index] });
    return { created: outcome.created, updated: outcome.updated, ids: outcome.ids };
  },
);

export const listCustomers = defineApiRoute(
  {
    method: "GET",
    path: "/customers",
    operationId: "listCustomers",
    summary: "List customers, newest first",
    tag: "Customers",
    scope: "read",
    query: pageQuery.extend({
      q: z.string().trim().max(100).optional().describe("Searches names, email and phone digits."),
      external_id: z.string().max(100).optional(),
      mobile: z.string().max(40).optional().describe("Any format; matched as E.164."),
      opted_out: z.enum(["true", "false"]).optional(),
      subscribed: z.enum(["general", "marketing"]).optional().describe("Only customers subscribed to this kind of message."),
    }),
    response: pageOf(customerOutput),
  },
  async ({ query }, { db, companyId }) => {
    let mobile: string | undefined;
    if (query.mobile) {
      const company = await findCompany(db, { companyId });
      const parsed = parsePhone(query.mobile, company?.countryCode);
      mobile = parsed.ok ? parsed.e164 : "-";
    }
    const rows = await listApiCustomers(db, {
      companyId,
      q: query.q,
      externalId: query.external_id,
      mobile,
      optedOut: query.opted_out === undefined ? undefined : query.opted_out === "true",
      subscribed: query.subscribed,
      limit: query.limit,
      cursor: decodeCursor(query.cursor),
    });
    return toPage(rows, query.limit, (row) => [row.id], serializeCustomer);
  },
);

export const getCustomer = defineApiRoute(
  { method: "GET", path: "/customers/{id}", operationId: "getCustomer", summary: "Get a customer", tag: "Customers", scope: "read", params: idParams, response: customerOutput },
  async ({ params }, { db, companyId }) => customerById(db, companyId, params.id),
);
