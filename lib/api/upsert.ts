import "server-only";
import { nudgeWebhookDelivery } from "@/lib/webhooks/record";
import type { Db } from "@/db/client";
import { findApiCustomers } from "@/db/queries/api-resources";
import { findUsersByExternalIds } from "@/db/queries/api";
import { findCompany } from "@/db/queries/companies";
import { findActiveConversation } from "@/db/queries/conversations";
import { reassignConversations } from "@/lib/conversations/assignment";
import type { AttributeCategory, ImportMapping, Locale } from "@/db/schema";
import { NotFoundError } from "@/lib/actions/errors";
import { validateAttributeValues } from "@/lib/customers/attribute-values";
import { importableAttributes } from "@/lib/imports/imports";
import type { CategorizedAttribute } from "@/lib/imports/mapping";
import type { AppointmentRecord, RepairOrderRecord } from "@/lib/imports/record-rows";
import { validateRow, type RowFields } from "@/lib/imports/rows";
import { upsertCustomers, type ValidRow } from "@/lib/imports/upsert";
import { upsertAppointments, upsertRepairOrders, type RecordRow } from "@/lib/imports/upsert-records";
import { publish } from "@/lib/live/bus";
import { fieldError, validationProblem, type FieldError } from "./problem";
import type { AppointmentInput, CustomerInput, RepairOrderInput } from "./schemas";

// The API reuses the import's rules and its upsert functions (IMPL-2): a customer sent
// through the API is matched, merged and normalised exactly as the same row in a file.

type Context = { companyId: string; countryCode: string; timeZone: string; defaultLanguage: Locale; attributes: CategorizedAttribute[] };
type Path = (string | number)[];

async function contextOf(db: Db, companyId: string): Promise<Context> {
  const company = await findCompany(db, { companyId });
  if (!company) throw new NotFoundError();
  return { companyId, countryCode: company.countryCode, timeZone: company.timezone, defaultLanguage: company.locale, attributes: await importableAttributes(db, companyId) };
}

const FIELD_OF = { first_name: "firstName", last_name: "lastName", mobile: "mobile", email: "email", external_id: "externalId", language: "language" } as const;

function typedAttributes(input: Record<string, unknown> | undefined, category: AttributeCategory, context: Context, path: Path, errors: FieldError[]) {
  const definitions = context.attributes.filter((attribute) => attribute.category === category);
  const { values, errors: problems } = validateAttributeValues(input ?? {}, definitions);
  for (const [key, reason] of Object.entries(problems)) errors.push(fieldError([...path, "attributes", key], reason, { attribute: key }));
  return values;
}

/** One API customer as an import row: the import's own validation reads its fields. */
function customerFields(input: CustomerInput, context: Context, path: Path, errors: FieldError[]): RowFields | null {
  const headers: string[] = [];
  const cells: string[] = [];
  const mapping: ImportMapping = [];
  for (const [key, field] of Object.entries(FIELD_OF)) {
    const value = input[key as keyof typeof FIELD_OF];
    if (value === undefined) continue;
    headers.push(key);
    cells.push(value);
    mapping.push(field);
  }
  const before = errors.length;
  const row = validateRow(0, cells, { headers, mapping, attributes: [], countryCode: context.countryCode });
  for (const error of row.errors) errors.push(fieldError(error.column ? [...path, error.column] : path, error.reason, error.values));
  const attributes = typedAttributes(input.attributes, "customer", context, path, errors);
  return row.fields && errors.length === before ? { ...row.fields, attributes } : null;
}

export type UpsertOutcome = { ids: string[]; createdIds: Set<string>; created: number; updated: number };

/** Concurrent batches naming the same new number can clash once; the second try sees the first's row. */
async function retryingClash<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "23505" && code !== "40P01") throw error;
    return work();
  }
}

/** Creates or updates customers (one or a batch), all or nothing. */
export async function upsertApiCustomers(db: Db, companyId: string, items: CustomerInput[], { path = (index: number): Path => [index] } = {}): Promise<UpsertOutcome> {
  const context = await contextOf(db, companyId);
  const errors: FieldError[] = [];
  const rows: ValidRow[] = [];
  items.forEach((item, index) => {
    const fields = customerFields(item, context, path(index), errors);
    if (fields) rows.push({ line: index, fields });
  });
  if (errors.length) throw validationProblem(errors);
  const result = await retryingClash(() => db.transaction((tx) => upsertCustomers(tx, { companyId, defaultLanguage: context.defaultLanguage, rows, source: "api" })));
  if (result.createdIds.size || result.merged) await nudgeWebhookDelivery();
  return { ids: items.map((_, index) => result.customerIds.get(index)!), createdIds: result.createdIds, created: result.created, updated: result.updated };
}

type WithCustomer = { customer_id?: string; customer?: CustomerInput; advisor_external_id?: string };

/** The customers of appointments or repair orders: named by id, or upserted like POST /customers. */
async function resolveRecords<I extends WithCustomer, R>(
  db: Db,
  companyId: string,
  items: I[],
  path: (index: number) => Path,
  category: AttributeCategory,
  toRecord: (item: I, attributes: RecordRow<R>["record"] extends { attributes: infer A } ? A : never, advisorId: string | undefined) => R,
  upsert: (tx: Db, rows: RecordRow<R>[]) => Promise<{ created: number; updated: number; recordIds: string[]; createdIds: Set<string> }>,
) {
  const context = await contextOf(db, companyId);
  const errors: FieldError[] = [];
  const customerRows: ValidRow[] = [];
  const advisorIds = [...new Set(items.flatMap((item) => (item.advisor_external_id ? [item.advisor_external_id] : [])))];
  const advisors = new Map((await findUsersByExternalIds(db, { companyId, externalIds: advisorIds })).map((row) => [row.externalId!, row.userId]));
  const named = await findApiCustomers(db, { companyId, customerIds: [...new Set(items.flatMap((item) => (item.customer_id ? [item.customer_id] : [])))] });
  const live = new Set(named.filter((customer) => !customer.mergedIntoId).map((customer) => customer.id));
  const records: R[] = [];
  items.forEach((item, index) => {
    const at = path(index);
    if (item.customer_id && item.customer) errors.push(fieldError([...at, "customer"], "Give customer_id or customer, not both."));
    else if (item.customer_id && !live.has(item.customer_id)) errors.push(fieldError([...at, "customer_id"], "No such customer."));
    else if (!item.customer_id && !item.customer) errors.push(fieldError([...at, "customer"], "A customer_id or a customer is required."));
    else if (item.customer) {
      const fields = customerFields(item.customer, context, [...at, "customer"], errors);
      if (fields) customerRows.push({ line: index, fields });
    }
    const advisorId = item.advisor_external_id ? advisors.get(item.advisor_external_id) : undefined;
    if (item.advisor_external_id && !advisorId) errors.push(fieldError([...at, "advisor_external_id"], "No active user has this external id."));
    const attributes = typedAttributes((item as { attributes?: Record<string, unknown> }).attributes, category, context, at, errors);
    records.push(toRecord(item, attributes as never, advisorId));
  });
  if (errors.length) throw validationProblem(errors);
  const result = await retryingClash(() =>
    db.transaction(async (tx) => {
      const customers = await upsertCustomers(tx, { companyId, defaultLanguage: context.defaultLanguage, rows: customerRows, source: "api" });
      const rows = items.map((item, index) => ({ line: index, customerId: item.customer_id ?? customers.customerIds.get(index)!, record: records[index]! }));
      const saved = await upsert(tx, rows);
      return { ...saved, customerIds: rows.map((row) => row.customerId) };
    }),
  );
  await assignToAdvisors(db, companyId, items.flatMap((item, index) => {
    const advisorId = item.advisor_external_id ? advisors.get(item.advisor_external_id) : undefined;
    return advisorId ? [{ customerId: result.customerIds[index]!, userId: advisorId }] : [];
  }));
  return { ids: result.recordIds, createdIds: result.createdIds, created: result.created, updated: result.updated };
}

/**
 * The advisor an integrated system names takes the customer's conversation when nobody
 * holds it yet (an assignment someone made in Parley stands).
 */
async function assignToAdvisors(db: Db, companyId: string, pairs: { customerId: string; userId: string }[]) {
  const seen = new Set<string>();
  let assigned = false;
  for (const { customerId, userId } of pairs.reverse()) {
    if (seen.has(customerId)) continue;
    seen.add(customerId);
    const conversation = await findActiveConversation(db, { companyId, customerId });
    if (!conversation || conversation.assigneeUserId || conversation.assigneeTeamId) continue;
    await db.transaction((tx) =>
      reassignConversations(tx, { companyId, changes: [{ conversationId: conversation.id, customerId, from: null }], to: { userId, teamId: null }, byUserId: null, reason: "integration", now: new Date() }),
    );
    assigned = true;
    publish(companyId, { type: "conversation.updated", conversationId: conversation.id });
  }
  if (assigned) await nudgeWebhookDelivery();
}

export function upsertApiAppointments(db: Db, companyId: string, items: AppointmentInput[], { path = (index: number): Path => [index] } = {}) {
  return resolveRecords<AppointmentInput, AppointmentRecord>(
    db,
    companyId,
    items,
    path,
    "appointment",
    (item, attributes, advisorId) => ({
      kind: "appointments",
      startAt: new Date(item.start_at),
      type: item.type,
      durationMinutes: item.duration_minutes,
      status: item.status,
      externalId: item.external_id,
      attributes,
      assignedUserId: advisorId,
      statusChangedBy: "integration",
    }),
    (tx, rows) => upsertAppointments(tx, { companyId, rows }),
  );
}

export function upsertApiRepairOrders(db: Db, companyId: string, items: RepairOrderInput[], { path = (index: number): Path => [index] } = {}) {
  return resolveRecords<RepairOrderInput, RepairOrderRecord>(
    db,
    companyId,
    items,
    path,
    "event",
    (item, attributes) => ({ kind: "repair_orders", number: item.number, title: item.title, status: item.status, occurredAt: item.occurred_at ? new Date(item.occurred_at) : undefined, attributes }),
    (tx, rows) => upsertRepairOrders(tx, { companyId, rows }),
  );
}

