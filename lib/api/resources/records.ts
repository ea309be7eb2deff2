import "server-only";
import { z } from "zod";
import { findApiAppointments, findApiEvent, listApiAppointments, listApiEvents } from "@/db/queries/api-resources";
import { decodeCursor, pageOf, pageQuery, toPage } from "../pagination";
import { notFound } from "../problem";
import { ApiReply, defineApiRoute } from "../route";
import { APPOINTMENT_STATUSES, appointmentInput, appointmentOutput, batchResult, repairOrderInput, repairOrderOutput, serializeAppointment, serializeRepairOrder } from "../schemas";
import { upsertApiAppointments, upsertApiRepairOrders } from "../upsert";
import { BATCH_LIMIT } from "./customers";

const idParams = z.object({ id: z.uuid() });
type Db = Parameters<typeof findApiAppointments>[0];

async function appointmentById(db: Db, companyId: string, id: string) {
  const [appointment] = await findApiAppointments(db, { companyId, appointmentIds: [id] });
  if (!appointment) throw notFound("appointment");
  return serializeAppointment(appointment);
}

async function repairOrderById(db: Db, companyId: string, id: string) {
  const event = await findApiEvent(db, { companyId, eventId: id });
  if (!event || event.kind !== "repair_order") throw notFound("repair order");
  return serializeRepairOrder(event);
}

export const upsertAppointment = defineApiRoute(
  {
    method: "POST",
    path: "/appointments",
    operationId: "upsertAppointment",
    summary: "Create or update an appointment",
    description:
      "Upserted by `external_id` (else by customer, start and type), like an imported row. A `status` changes it (recorded as changed by the integration). `advisor_external_id` names the advisor by the user's external id; the customer's unassigned conversation goes to them.",
    tag: "Appointments",
    scope: "write",
    body: appointmentInput,
    response: appointmentOutput,
  },
  async ({ body }, { db, companyId }) => {
    const outcome = await upsertApiAppointments(db, companyId, [body], { path: () => [] });
    const id = outcome.ids[0]!;
    return new ApiReply(outcome.createdIds.has(id) ? 201 : 200, await appointmentById(db, companyId, id));
  },
);

export const batchUpsertAppointments = defineApiRoute(
  {
    method: "POST",
    path: "/appointments/batch",
    operationId: "batchUpsertAppointments",
    summary: "Create or update up to 1,000 appointments",
    description: "All or nothing, with each problem's pointer (`/appointments/3/start_at`).",
    tag: "Appointments",
    scope: "write",
    body: z.object({ appointments: z.array(appointmentInput).min(1).max(BATCH_LIMIT) }),
    response: batchResult,
  },
  async ({ body }, { db, companyId }) => {
    const outcome = await upsertApiAppointments(db, companyId, body.appointments, { path: (index) => ["appointments", index] });
    return { created: outcome.created, updated: outcome.updated, ids: outcome.ids };
  },
);

export const listAppointments = defineApiRoute(
  {
    method: "GET",
    path: "/appointments",
    operationId: "listAppointments",
    summary: "List appointments, newest first",
    tag: "Appointments",
    scope: "read",
    query: pageQuery.extend({ customer_id: z.uuid().optional(), status: z.enum(APPOINTMENT_STATUSES).optional(), external_id: z.string().max(100).optional() }),
    response: pageOf(appointmentOutput),
  },
  async ({ query }, { db, companyId }) => {
    const rows = await listApiAppointments(db, { companyId, customerId: query.customer_id, status: query.status, externalId: query.external_id, limit: query.limit, cursor: decodeCursor(query.cursor) });
    return toPage(rows, query.limit, (row) => [row.id], serializeAppointment);
  },
);

export const getAppointment = defineApiRoute(
  { method: "GET", path: "/appointments/{id}", operationId: "getAppointment", summary: "Get an appointment", tag: "Appointments", scope: "read", params: idParams, response: appointmentOutput },
  async ({ params }, { db, companyId }) => appointmentById(db, companyId, params.id),
);

export const upsertRepairOrder = defineApiRoute(
  {
    method: "POST",
    path: "/repair-orders",
    operationId: "upsertRepairOrder",
    summary: "Create or update a repair order",
    description: "Upserted by `number`, like an imported row; custom attributes are checked against their types.",
    tag: "Repair orders",
    scope: "write",
    body: repairOrderInput,
    response: repairOrderOutput,
  },
  async ({ body }, { db, companyId }) => {
    const outcome = await upsertApiRepairOrders(db, companyId, [body], { path: () => [] });
    const id = outcome.ids[0]!;
    return new ApiReply(outcome.createdIds.has(id) ? 201 : 200, await repairOrderById(db, companyId, id));
  },
);

export const batchUpsertRepairOrders = defineApiRoute(
  {
    method: "POST",
    path: "/repair-orders/batch",
    operationId: "batchUpsertRepairOrders",
    summary: "Create or update up to 1,000 repair orders",
    tag: "Repair orders",
    scope: "write",
    body: z.object({ repair_orders: z.array(repairOrderInput).min(1).max(BATCH_LIMIT) }),
    response: batchResult,
  },
  async ({ body }, { db, companyId }) => {
    const outcome = await upsertApiRepairOrders(db, companyId, body.repair_orders, { path: (index) => ["repair_orders", index] });
    return { created: outcome.created, updated: outcome.updated, ids: outcome.ids };
  },
);

export const listRepairOrders = defineApiRoute(
  {
    method: "GET",
    path: "/repair-orders",
    operationId: "listRepairOrders",
    summary: "List repair orders, newest first",
    tag: "Repair orders",
    scope: "read",
    query: pageQuery.extend({ customer_id: z.uuid().optional(), number: z.string().max(60).optional() }),
    response: pageOf(repairOrderOutput),
  },
  async ({ query }, { db, companyId }) => {
    const rows = await listApiEvents(db, { companyId, kind: "repair_order", customerId: query.customer_id, number: query.number, limit: query.limit, cursor: decodeCursor(query.cursor) });
    return toPage(rows, query.limit, (row) => [row.id], serializeRepairOrder);
  },
);

export const getRepairOrder = defineApiRoute(
  { method: "GET", path: "/repair-orders/{id}", operationId: "getRepairOrder", summary: "Get a repair order", tag: "Repair orders", scope: "read", params: idParams, response: repairOrderOutput },
  async ({ params }, { db, companyId }) => repairOrderById(db, companyId, params.id),
);
