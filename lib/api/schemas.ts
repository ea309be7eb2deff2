import { z } from "zod";
import type { AttributeValue } from "@/db/schema";

const id = z.uuid();
const timestamp = z.iso.datetime({ offset: true });
const attributeValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export const attributesInput = z
  .record(z.string().max(100), attributeValue)
  .describe("Custom attributes by key, typed as defined in Parley (text, number, money, date YYYY-MM-DD, collection as an array). Unknown keys are refused.");
const attributesOutput = z.record(z.string(), attributeValue);

// ---- inputs -------------------------------------------------------------------------

export const customerInput = z
  .object({
    external_id: z.string().trim().min(1).max(100).optional().describe("The customer's id in your system: the first key customers are matched by."),
    mobile: z.string().trim().max(40).optional().describe("Any format; read in the company's country. The second key customers are matched by."),
    first_name: z.string().max(200).optional(),
    last_name: z.string().max(200).optional(),
    email: z.string().max(320).optional(),
    language: z.enum(["fr", "en"]).optional(),
    attributes: attributesInput.optional(),
  })
  .describe("Matched like an import row: by external_id, else by mobile; when both point at two customers they are merged. Omitted fields keep their value; subscriptions and STOP opt-outs are never changed.");
export type CustomerInput = z.output<typeof customerInput>;

const customerRef = {
  customer_id: id.optional().describe("An existing customer's id; or give `customer`."),
  customer: customerInput.optional().describe("The customer, created or updated like `POST /customers`."),
};
const advisor = z.string().trim().min(1).max(100).optional().describe("The advisor's id in your system: a user whose external id it is (see `GET /users`).");

export const APPOINTMENT_STATUSES = ["scheduled", "confirmed", "cancelled", "no_show", "completed"] as const;

export const appointmentInput = z
  .object({
    external_id: z.string().trim().min(1).max(100).optional().describe("The appointment's id in your system: appointments are upserted by it."),
    ...customerRef,
    start_at: timestamp.describe("RFC 3339 with an offset, e.g. 2026-12-03T14:30:00-05:00."),
    type: z.string().trim().min(1, { message: "appointments.typeRequired" }).max(80, { message: "appointments.typeTooLong" }),
    duration_minutes: z.number().int().min(5).max(600).optional(),
    status: z.enum(APPOINTMENT_STATUSES).optional(),
    advisor_external_id: advisor,
    attributes: attributesInput.optional(),
  })
  .describe("Upserted by external_id, else by customer, start and type (like imports).");
export type AppointmentInput = z.output<typeof appointmentInput>;

export const repairOrderInput = z.object({
  number: z.string().trim().min(1).max(60).describe("The repair order number: repair orders are upserted by it."),
  ...customerRef,
  title: z.string().max(200).optional(),
  status: z.enum(["open", "closed"]).optional(),
  occurred_at: timestamp.optional(),
  advisor_external_id: advisor,
  attributes: attributesInput.optional(),
});
export type RepairOrderInput = z.output<typeof repairOrderInput>;

// ---- outputs ------------------------------------------------------------------------

export const customerOutput = z.object({
  id,
  object: z.literal("customer"),
  external_id: z.string().nullable(),
  first_name: z.string(),
  last_name: z.string(),
  mobile: z.string().nullable().describe("E.164"),
  email: z.string().nullable(),
  language: z.enum(["fr", "en"]),
  attributes: attributesOutput,
  subscribed_general: z.boolean(),
  subscribed_marketing: z.boolean(),
  opted_out: z.boolean().describe("The customer texted STOP; only they can undo it."),
  merged_into_id: z.uuid().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const appointmentOutput = z.object({
  id,
  object: z.literal("appointment"),
  external_id: z.string().nullable(),
  customer_id: id,
  type: z.string(),
  start_at: timestamp,
  duration_minutes: z.number().int(),
  status: z.enum(APPOINTMENT_STATUSES),
  status_changed_by: z.enum(["staff", "customer", "integration"]).nullable(),
  advisor_user_id: id.nullable(),
  attributes: attributesOutput,
  created_at: timestamp,
  updated_at: timestamp,
});

export const repairOrderOutput = z.object({
  id,
  object: z.literal("repair_order"),
  number: z.string(),
  customer_id: id,
  title: z.string(),
  status: z.string(),
  occurred_at: timestamp,
  attributes: attributesOutput,
  created_at: timestamp,
});

export const userOutput = z.object({
  id,
  object: z.literal("user"),
  name: z.string(),
  email: z.string(),
  role: z.enum(["admin", "agent"]),
  external_id: z.string().nullable(),
  active: z.boolean(),
});

export const conversationOutput = z.object({
  id,
  object: z.literal("conversation"),
  customer_id: id,
  status: z.enum(["open", "closed"]),
  assignee_user_id: id.nullable(),
  assignee_team_id: id.nullable(),
  last_activity_at: timestamp,
  closed_at: timestamp.nullable(),
  created_at: timestamp,
});

export const messageOutput = z.object({
  id,
  object: z.literal("message"),
  conversation_id: id,
  customer_id: id,
  direction: z.enum(["inbound", "outbound"]),
  body: z.string(),
  status: z.enum(["queued", "sent", "delivered", "failed", "received"]),
  error_code: z.string().nullable(),
  segments: z.number().int(),
  sent_at: timestamp.nullable(),
  delivered_at: timestamp.nullable(),
  created_at: timestamp,
});

export const batchResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  ids: z.array(id).describe("The id of each item, in the order sent."),
});

// ---- serializers --------------------------------------------------------------------

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
type Attrs = Record<string, AttributeValue>;

export const serializeCustomer = (c: {
  id: string; externalId: string | null; firstName: string; lastName: string; mobile: string | null; email: string | null; language: "fr" | "en"; attributes: Attrs;
  subscribedGeneral: boolean; subscribedMarketing: boolean; optedOutAt: Date | null; mergedIntoId: string | null; createdAt: Date; updatedAt: Date;
}): z.input<typeof customerOutput> => ({
  id: c.id, object: "customer", external_id: c.externalId, first_name: c.firstName, last_name: c.lastName, mobile: c.mobile, email: c.email, language: c.language, attributes: c.attributes,
  subscribed_general: c.subscribedGeneral, subscribed_marketing: c.subscribedMarketing, opted_out: c.optedOutAt !== null, merged_into_id: c.mergedIntoId, created_at: iso(c.createdAt), updated_at: iso(c.updatedAt),
});

export const serializeAppointment = (a: {
  id: string; externalId: string | null; customerId: string; type: string; startAt: Date; durationMinutes: number; status: (typeof APPOINTMENT_STATUSES)[number];
  statusChangedBy: "staff" | "customer" | "integration" | null; assignedUserId: string | null; attributes: Attrs; createdAt: Date; updatedAt: Date;
}): z.input<typeof appointmentOutput> => ({
  id: a.id, object: "appointment", external_id: a.externalId, customer_id: a.customerId, type: a.type, start_at: iso(a.startAt), duration_minutes: a.durationMinutes, status: a.status,
  status_changed_by: a.statusChangedBy, advisor_user_id: a.assignedUserId, attributes: a.attributes, created_at: iso(a.createdAt), updated_at: iso(a.updatedAt),
});

export const serializeRepairOrder = (e: { id: string; number: string | null; customerId: string; title: string; status: string; occurredAt: Date; attributes: Attrs; createdAt: Date }): z.input<typeof repairOrderOutput> => ({
  id: e.id, object: "repair_order", number: e.number ?? "", customer_id: e.customerId, title: e.title, status: e.status, occurred_at: iso(e.occurredAt), attributes: e.attributes, created_at: iso(e.createdAt),
});

export const serializeUser = (u: { id: string; name: string; email: string; role: "admin" | "agent"; externalId: string | null; active: boolean }): z.input<typeof userOutput> => ({
  id: u.id, object: "user", name: u.name, email: u.email, role: u.role, external_id: u.externalId, active: u.active,
});

export const serializeConversation = (c: { id: string; customerId: string; status: "open" | "closed"; assigneeUserId: string | null; assigneeTeamId: string | null; lastActivityAt: Date; closedAt: Date | null; createdAt: Date }): z.input<typeof conversationOutput> => ({
  id: c.id, object: "conversation", customer_id: c.customerId, status: c.status, assignee_user_id: c.assigneeUserId, assignee_team_id: c.assigneeTeamId, last_activity_at: iso(c.lastActivityAt), closed_at: isoOrNull(c.closedAt), created_at: iso(c.createdAt),
});

export const serializeMessage = (m: {
  id: string; conversationId: string; customerId: string; direction: "inbound" | "outbound"; body: string; status: "queued" | "sent" | "delivered" | "failed" | "received"; errorCode: string | null; segments: number; sentAt: Date | null; deliveredAt: Date | null; createdAt: Date;
}): z.input<typeof messageOutput> => ({
  id: m.id, object: "message", conversation_id: m.conversationId, customer_id: m.customerId, direction: m.direction, body: m.body, status: m.status, error_code: m.errorCode, segments: m.segments,
  sent_at: isoOrNull(m.sentAt), delivered_at: isoOrNull(m.deliveredAt), created_at: iso(m.createdAt),
});
