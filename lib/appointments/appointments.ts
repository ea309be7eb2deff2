import "server-only";
import { nudgeWebhookDelivery, recordWebhookEvent } from "@/lib/webhooks/record";
import type { Db } from "@/db/client";
import { listAppointmentsBetween, updateAppointmentRow, type AppointmentRow } from "@/db/queries/appointments";
import { publish } from "@/lib/live/bus";
import { notify } from "@/lib/notifications/notify";
import { dayRange } from "@/lib/time";

export type AppointmentStatus = AppointmentRow["status"];

/** Appointments of a day with their customer and its active conversation (CONV-10). */
export async function listAppointmentsForDay(db: Db, { companyId, day, timeZone }: { companyId: string; day: string; timeZone: string }) {
  const { start, end } = dayRange(day, timeZone);
  return listAppointmentsBetween(db, { companyId, start, end });
}

const KIND: Partial<Record<AppointmentStatus, "appointment.confirmed" | "appointment.cancelled">> = {
  confirmed: "appointment.confirmed",
  cancelled: "appointment.cancelled",
};

/**
 * Moves an appointment to a status, recording who did it. The customer's answer to a
 * reminder (the automations call this with by "customer") notifies the assigned user
 * (USER-5: appointments cancelled / confirmed by SMS). Returns null if it was not found.
 */
export async function changeAppointmentStatus(
  db: Db,
  { companyId, appointmentId, status, by }: { companyId: string; appointmentId: string; status: AppointmentStatus; by: "staff" | "customer" | "integration" },
) {
  const kind = KIND[status];
  const updated = await db.transaction(async (tx) => {
    const row = await updateAppointmentRow(tx, { companyId, appointmentId, changes: { status, statusChangedBy: by } });
    if (row && kind) {
      await recordWebhookEvent(tx, {
        companyId,
        type: kind,
        customerId: row.customerId,
        payload: { appointment: { id: row.id, customer_id: row.customerId, status, changed_by: by, external_id: row.externalId, start_at: row.startAt.toISOString() } },
      });
    }
    return row;
  });
  if (!updated) return null;
  if (kind) await nudgeWebhookDelivery();
  if (by === "customer" && kind && updated.assignedUserId) {
    await notify(db, {
      companyId,
      userIds: [updated.assignedUserId],
      kind,
      data: { appointmentId, customerId: updated.customerId },
      link: `/customers/${updated.customerId}?tab=appointments`,
    });
  }
  publish(companyId, { type: "customer.updated", customerId: updated.customerId });
  return updated;
}

/** The API the reminder automation calls when the customer answers YES. */
export const confirmAppointment = (db: Db, companyId: string, appointmentId: string, by: "staff" | "customer" = "customer") =>
  changeAppointmentStatus(db, { companyId, appointmentId, status: "confirmed", by });

/** …and NO. */
export const cancelAppointment = (db: Db, companyId: string, appointmentId: string, by: "staff" | "customer" = "customer") =>
  changeAppointmentStatus(db, { companyId, appointmentId, status: "cancelled", by });
