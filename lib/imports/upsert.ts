import { randomUUID } from "node:crypto";
import "server-only";
import type { Db } from "@/db/client";
import { lockLiveCustomersByKeys, upsertImportedCustomers, type ImportedCustomer } from "@/db/queries/customers";
import type { Locale } from "@/db/schema";
import { mergeCustomers } from "@/lib/customers/merge";
import { customerSearchText } from "@/lib/customers/search-text";
import { recordWebhookEvents } from "@/lib/webhooks/record";
import type { RowFields } from "./rows";

export type ValidRow = { line: number; fields: RowFields };
type Planned = { fields: RowFields; lines: number[] };

/** Rows of one batch that name the same customer (same external id, else same mobile) become one. */
function combine(rows: ValidRow[]): Planned[] {
  const planned: Planned[] = [];
  const byExternal = new Map<string, Planned>();
  const byMobile = new Map<string, Planned>();
  for (const { line, fields } of rows) {
    const same = (fields.externalId && byExternal.get(fields.externalId)) || (fields.mobile && byMobile.get(fields.mobile)) || undefined;
    if (same) {
      same.fields = { ...same.fields, ...fields, attributes: { ...same.fields.attributes, ...fields.attributes } };
      same.lines.push(line);
    } else {
      const entry = { fields, lines: [line] };
      planned.push(entry);
      if (fields.externalId) byExternal.set(fields.externalId, entry);
      if (fields.mobile) byMobile.set(fields.mobile, entry);
    }
  }
  return planned;
}

/**
 * Creates or updates the customers of one batch, inside the caller's transaction. A row
 * matches a customer by external id, else by mobile; when the external id and the mobile
 * point at two customers, they are merged (CONV-15). Imports never touch subscriptions or
 * STOP opt-outs: a number that texted STOP stays opted out. Answers the counts and, per
 * line of the file, the customer it landed on (for the appointment or repair order it carries).
 */
export async function upsertCustomers(
  tx: Db,
  { companyId, defaultLanguage, rows, source = "import" }: { companyId: string; defaultLanguage: Locale; rows: ValidRow[]; source?: "import" | "api" },
) {
  const planned = combine(rows);
  const externalIds = planned.flatMap((entry) => (entry.fields.externalId ? [entry.fields.externalId] : []));
  const mobiles = planned.flatMap((entry) => (entry.fields.mobile ? [entry.fields.mobile] : []));
  const existing = await lockLiveCustomersByKeys(tx, { companyId, externalIds, mobiles });
  const byExternal = new Map(existing.filter((c) => c.externalId).map((c) => [c.externalId!, c]));
  const byMobile = new Map(existing.filter((c) => c.mobile).map((c) => [c.mobile!, c]));

  const values: Parameters<typeof upsertImportedCustomers>[1]["values"] = [];
  const customerIds = new Map<number, string>();
  const createdIds = new Set<string>();
  let created = 0;
  let updated = 0;
  let merged = 0;
  for (const { fields, lines } of planned) {
    let target: ImportedCustomer | undefined = (fields.externalId && byExternal.get(fields.externalId)) || undefined;
    const holder = fields.mobile ? byMobile.get(fields.mobile) : undefined;
    if (target && holder && holder.id !== target.id) {
      target = await mergeCustomers(tx, { companyId, survivorId: target.id, absorbedId: holder.id });
      byMobile.delete(fields.mobile!);
      merged += 1;
    }
    target ??= holder;
    const { attributes, ...simple } = fields;
    const next = target
      ? { ...target, ...simple, attributes: { ...target.attributes, ...attributes } }
      : { id: randomUUID(), companyId, firstName: "", lastName: "", mobile: null, email: null, externalId: null, language: defaultLanguage, ...simple, attributes };
    values.push({
      id: next.id,
      firstName: next.firstName,
      lastName: next.lastName,
      mobile: next.mobile,
      email: next.email,
      externalId: next.externalId,
      language: next.language,
      attributes: next.attributes,
      searchText: customerSearchText(next),
    });
    for (const line of lines) customerIds.set(line, next.id);
    if (target) updated += lines.length;
    else {
      createdIds.add(next.id);
      created += 1;
      updated += lines.length - 1;
    }
  }
  await upsertImportedCustomers(tx, { companyId, values });
  // customer.created for each new customer, committed with them (webhooks).
  await recordWebhookEvents(tx, {
    companyId,
    type: "customer.created",
    events: values
      .filter((value) => createdIds.has(value.id))
      .map((value) => ({
        customerId: value.id,
        payload: { customer: { id: value.id, mobile: value.mobile, first_name: value.firstName, last_name: value.lastName, external_id: value.externalId, source } },
      })),
  });
  return { created, updated, merged, customerIds, createdIds };
}
