import { z } from "zod";
import { calendarDaySchema } from "@/lib/time";

const uuid = z.uuid({ message: "errors.invalidInput" });
export const APPOINTMENT_STATUSES = ["scheduled", "confirmed", "cancelled", "no_show", "completed"] as const;

/** The appointment form's rules, shared with imported appointments. */
export const appointmentFields = {
  date: calendarDaySchema("appointments.dateInvalid"),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "appointments.timeInvalid" }),
  durationMinutes: z.coerce.number({ message: "appointments.durationInvalid" }).int({ message: "appointments.durationInvalid" }).min(5, { message: "appointments.durationInvalid" }).max(600, { message: "appointments.durationInvalid" }),
  type: z.string().trim().min(1, { message: "appointments.typeRequired" }).max(80, { message: "appointments.typeTooLong" }),
  attributes: z.record(z.string(), z.unknown()).default({}),
};

export const createAppointmentSchema = z.object({ customerId: uuid, ...appointmentFields });
export const updateAppointmentSchema = z.object({ id: uuid, ...appointmentFields });
export const setAppointmentStatusSchema = z.object({ id: uuid, status: z.enum(APPOINTMENT_STATUSES, { message: "appointments.statusInvalid" }) });
export const appointmentDaySchema = calendarDaySchema();
