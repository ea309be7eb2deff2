"use server";

import { z } from "zod";
import { insertAppointment, updateAppointmentRow } from "@/db/queries/appointments";
import { attributeDefinitions } from "@/db/queries/attributes";
import { findCompany } from "@/db/queries/companies";
import { findCustomer } from "@/db/queries/customers";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { checkAttributeValues } from "@/lib/customers/attribute-values";
import { publish } from "@/lib/live/bus";
import { zonedLocalToUtc } from "@/lib/time";
import { changeAppointmentStatus } from "./appointments";
import { APPOINTMENT_STATUSES, createAppointmentSchema, setAppointmentStatusSchema, updateAppointmentSchema } from "./validation";

async function appointmentValues({ db, companyId }: ActionContext, input: { date: string; time: string; durationMinutes: number; type: string; attributes: Record<string, unknown> }) {
  const company = await findCompany(db, { companyId });
  const values = checkAttributeValues(input.attributes, await attributeDefinitions(db, { companyId, category: "appointment" }));
  const attributes = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as Record<string, string | number | string[]>;
  return { startAt: zonedLocalToUtc(`${input.date}T${input.time}`, company!.timezone), durationMinutes: input.durationMinutes, type: input.type, attributes };
}

/** CUST-5: a new appointment from the customer's profile. */
const savedAppointment = z.object({ id: z.string(), startAt: z.string() });

export const createAppointment = defineAction({ input: createAppointmentSchema, output: savedAppointment }, async (input, context) => {
  const customer = await findCustomer(context.db, { companyId: context.companyId, customerId: input.customerId });
  if (!customer || customer.mergedIntoId) throw new NotFoundError();
  const values = await appointmentValues(context, input);
  const created = await insertAppointment(context.db, { companyId: context.companyId, customerId: customer.id, assignedUserId: context.userId, ...values });
  publish(context.companyId, { type: "customer.updated", customerId: customer.id });
  return { id: created.id, startAt: created.startAt.toISOString() };
});

export const updateAppointment = defineAction({ input: updateAppointmentSchema, output: savedAppointment }, async ({ id, ...input }, context) => {
  const values = await appointmentValues(context, input);
  const updated = await updateAppointmentRow(context.db, { companyId: context.companyId, appointmentId: id, changes: values });
  if (!updated) throw new NotFoundError();
  publish(context.companyId, { type: "customer.updated", customerId: updated.customerId });
  return { id: updated.id, startAt: updated.startAt.toISOString() };
});

/** Staff change the status: confirmed, cancelled, no-show, completed, or back to scheduled. */
export const setAppointmentStatus = defineAction(
  { input: setAppointmentStatusSchema, output: z.object({ id: z.string(), status: z.enum(APPOINTMENT_STATUSES) }) },
  async ({ id, status }, { db, companyId }) => {
    const updated = await changeAppointmentStatus(db, { companyId, appointmentId: id, status, by: "staff" });
    if (!updated) throw new NotFoundError();
    return { id, status: updated.status };
  },
);
