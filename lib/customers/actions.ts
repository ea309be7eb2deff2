"use server";

import { z } from "zod";
import { attributeDefinitions } from "@/db/queries/attributes";
import { findCompany } from "@/db/queries/companies";
import { findCustomer, findLiveCustomer, findMobileHolder, insertCustomer, listCustomers, updateCustomerRow, type NewCustomerRow } from "@/db/queries/customers";
import type { AttributeValue, AttributeValues } from "@/db/schema";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { recordSubscriptionChange } from "@/lib/compliance/consent";
import { publish } from "@/lib/live/bus";
import { parsePhone } from "@/lib/phone";
import { nudgeWebhookDelivery } from "@/lib/webhooks/record";
import { checkAttributeValues } from "./attribute-values";
import { mergeCustomers } from "./merge";
import { customerSearchText } from "./search-text";
import { customerPageResultSchema } from "./types";
import { createCustomerSchema, customerPageSchema, subscriptionsSchema, updateCustomerSchema } from "./validation";

type Fields = { firstName?: string; lastName?: string; mobile?: string; email?: string; language?: "fr" | "en"; attributes?: Record<string, unknown> };

/** Turns typed fields into column values: phone in E.164 (CUST-3), attributes by type. */
async function normalise({ db, companyId }: ActionContext, fields: Fields) {
  const company = await findCompany(db, { companyId });
  const changes: Partial<NewCustomerRow> = {};
  if (fields.firstName !== undefined) changes.firstName = fields.firstName;
  if (fields.lastName !== undefined) changes.lastName = fields.lastName;
  if (fields.email !== undefined) changes.email = fields.email || null;
  if (fields.language !== undefined) changes.language = fields.language;
  if (fields.mobile !== undefined) {
    if (fields.mobile === "") changes.mobile = null;
    else {
      const parsed = parsePhone(fields.mobile, company!.countryCode);
      if (!parsed.ok) throw new SafeError("customers.mobileInvalid", { value: fields.mobile });
      changes.mobile = parsed.e164;
    }
  }
  let attributeValues: Record<string, AttributeValue> | undefined;
  if (fields.attributes) {
    attributeValues = checkAttributeValues(fields.attributes, await attributeDefinitions(db, { companyId, category: "customer" }));
  }
  return { changes, attributeValues };
}

function applyAttributes(current: AttributeValues, values: Record<string, AttributeValue> | undefined): AttributeValues {
  if (!values) return current;
  const next = { ...current };
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

function editedOnly(changes: Partial<NewCustomerRow>, before: Partial<NewCustomerRow>): Partial<NewCustomerRow> {
  return Object.fromEntries(Object.entries(changes).filter(([key, value]) => value !== before[key as keyof NewCustomerRow]));
}

function editedAttributesOnly(values: Record<string, AttributeValue> | undefined, before: AttributeValues) {
  if (!values) return values;
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key] ?? null)));
}

/**
 * Edits a profile in place. Giving it a mobile number another customer has merges that
 * customer into this one (CONV-15).
 */
export const updateCustomer = defineAction(
  { input: updateCustomerSchema, output: z.object({ id: z.string(), mobile: z.string().nullable(), merged: z.boolean() }) },
  async ({ customerId, ...fields }, context) => {
    const { db, companyId } = context;
    const { changes, attributeValues } = await normalise(context, fields);
    const result = await db.transaction(async (tx) => {
      const current = await findLiveCustomer(tx, { companyId, customerId });
      if (!current) throw new NotFoundError();
      let merged = false;
      if (changes.mobile && changes.mobile !== current.mobile) {
        const holder = await findMobileHolder(tx, { companyId, mobile: changes.mobile, exceptCustomerId: customerId });
        if (holder) {
          await mergeCustomers(tx, { companyId, survivorId: customerId, absorbedId: holder.id });
          merged = true;
        }
      }
      // The form sends every field back; after a merge, one left as it was must not blank
      // what the other profile brought.
      const edits = merged ? editedOnly(changes, current) : changes;
      const editedAttributes = merged ? editedAttributesOnly(attributeValues, current.attributes) : attributeValues;
      const fresh = await findCustomer(tx, { companyId, customerId });
      const next = { ...fresh!, ...edits, attributes: applyAttributes(fresh!.attributes, editedAttributes) };
      const updated = await updateCustomerRow(tx, { companyId, customerId, changes: { ...edits, attributes: next.attributes, searchText: customerSearchText(next) } });
      return { customer: updated!, merged };
    });
    publish(companyId, { type: "customer.updated", customerId });
    if (result.merged) await nudgeWebhookDelivery();
    return { id: result.customer.id, mobile: result.customer.mobile, merged: result.merged };
  },
);

export const createCustomer = defineAction({ input: createCustomerSchema, output: z.object({ id: z.string() }) }, async (fields, context) => {
  const { db, companyId } = context;
  const { changes, attributeValues } = await normalise(context, fields);
  if (changes.mobile) {
    const existing = await findMobileHolder(db, { companyId, mobile: changes.mobile });
    if (existing) throw new SafeError("customers.mobileTaken", { id: existing.id });
  }
  const company = await findCompany(db, { companyId });
  const values = {
    firstName: changes.firstName ?? "",
    lastName: changes.lastName ?? "",
    mobile: changes.mobile ?? null,
    email: changes.email ?? null,
    language: changes.language ?? company!.locale,
    attributes: applyAttributes({}, attributeValues),
  };
  const created = await insertCustomer(db, { companyId, ...values, searchText: customerSearchText(values) });
  return { id: created.id };
});

/**
 * CUST-4: general and marketing subscriptions. A customer who texted STOP stays opted
 * out until they text START; staff cannot subscribe them again.
 */
export const setSubscriptions = defineAction(
  { input: subscriptionsSchema, output: z.object({ general: z.boolean(), marketing: z.boolean() }) },
  async ({ customerId, general, marketing }, { db, companyId, userId }) => {
    const current = await findCustomer(db, { companyId, customerId });
    if (!current) throw new NotFoundError();
    const subscribing = general || marketing;
    if (current.optedOutAt && subscribing) throw new SafeError("customers.optedOutByStop");
    // The change and its consent record (who, when) commit together.
    const updated = await db.transaction(async (tx) => {
      const row = await updateCustomerRow(tx, { companyId, customerId, changes: { subscribedGeneral: general, subscribedMarketing: marketing } });
      await recordSubscriptionChange(tx, {
        companyId,
        customerId,
        before: { general: current.subscribedGeneral, marketing: current.subscribedMarketing },
        after: { general: row!.subscribedGeneral, marketing: row!.subscribedMarketing },
        source: "staff",
        staffUserId: userId,
      });
      return row;
    });
    publish(companyId, { type: "customer.updated", customerId });
    return { general: updated!.subscribedGeneral, marketing: updated!.subscribedMarketing };
  },
);

/** The next page of the customer list, for "Load more" (CUST-1, CUST-2). */
export const loadCustomers = defineAction({ input: customerPageSchema, output: customerPageResultSchema }, async ({ q, cursor, ...filters }, { db, companyId }) =>
  listCustomers(db, { companyId, query: q, filters, cursor: cursor ?? null }),
);
