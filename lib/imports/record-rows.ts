import type { AppointmentStatus } from "@/lib/appointments/appointments";
import type { AttributeValue, ImportMapping, Locale } from "@/db/schema";
import { appointmentFields } from "@/lib/appointments/validation";
import { normalizeForSearch } from "@/lib/customers/search-text";
import { zonedLocalToUtc } from "@/lib/time";
import type { AttributeDefinition, ImportField } from "./mapping";
import { attributeCells, rowReporter, type RowError } from "./rows";

export type AppointmentRecord = {
  kind: "appointments";
  startAt: Date;
  type: string;
  durationMinutes?: number;
  status?: AppointmentStatus;
  externalId?: string;
  attributes: Record<string, AttributeValue>;
  /** The advisor, when the integrated system names one (by the user's external id). */
  assignedUserId?: string;
  /** Who changed the status, when the row changes it (the API says "integration"). */
  statusChangedBy?: "staff" | "customer" | "integration";
};
export type RepairOrderStatus = "open" | "closed";
export type RepairOrderRecord = { kind: "repair_orders"; number: string; title?: string; status?: RepairOrderStatus; occurredAt?: Date; attributes: Record<string, AttributeValue> };
export type ImportedRecord = AppointmentRecord | RepairOrderRecord;
export type RecordContext = {
  kind: ImportedRecord["kind"];
  headers: string[];
  mapping: ImportMapping;
  /** The custom attributes of the kind's category (appointment or event). */
  recordAttributes: AttributeDefinition[];
  timeZone: string;
  /** Reads 03/04/2026 as 3 April (fr) or March 4 (en) when both could be. */
  locale: Locale;
};

const squash = (text: string) => normalizeForSearch(text).replace(/[^a-z0-9]/g, "");

const APPOINTMENT_STATUS_WORDS: Record<string, AppointmentStatus> = {
  scheduled: "scheduled", planifie: "scheduled", prevu: "scheduled", booked: "scheduled", reserve: "scheduled",
  confirmed: "confirmed", confirme: "confirmed",
  cancelled: "cancelled", canceled: "cancelled", annule: "cancelled",
  noshow: "no_show", absent: "no_show", absence: "no_show",
  completed: "completed", complete: "completed", termine: "completed", done: "completed", fait: "completed",
};
const REPAIR_ORDER_STATUS_WORDS: Record<string, RepairOrderStatus> = {
  open: "open", opened: "open", ouvert: "open", ouverte: "open", encours: "open", inprogress: "open",
  closed: "closed", close: "closed", ferme: "closed", fermee: "closed", done: "closed", termine: "closed", completed: "closed", complete: "closed",
};

/** "2026-12-03", "2026/12/03", "03/12/2026" or "12/3/2026" as an ISO date, or null if it is no calendar date. */
export function parseLocalDate(value: string, locale: Locale): string | null {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  let parts: [number, number, number] | null = null;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    const [a, b, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
    const dayFirst = a > 12 || (b <= 12 && locale === "fr");
    parts = dayFirst ? [year, b, a] : [year, a, b];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "14:30", "14h30", "9 h", "2:30 PM" or "14:30:00" as "HH:MM", or null. */
export function parseLocalTime(value: string): string | null {
  const match = /^(\d{1,2})(?:[:h](\d{2})?)?(?::\d{2})?(am|pm)?$/.exec(value.toLowerCase().replace(/[\s.]/g, ""));
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (match[3] && (hour < 1 || hour > 12)) return null;
  if (match[3] === "pm" && hour < 12) hour += 12;
  if (match[3] === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** A date and a time in one cell ("2026-12-03 14:30", "2026-12-03T14:30", "03/12/2026 2:30 PM"). */
function splitDateTime(value: string): [string, string] {
  const match = /^(\S+?)(?:T|\s+)(.+)$/.exec(value);
  return match ? [match[1]!, match[2]!] : [value, ""];
}

/**
 * Checks the appointment or repair order part of one row (the customer part is checked by
 * validateRow). Dates and times are read in the company's time zone, with the rules of
 * the appointment form; an empty optional cell leaves the stored value as it is.
 */
export function validateRecord(line: number, cells: string[], context: RecordContext): { record: ImportedRecord | null; errors: RowError[] } {
  const { errors, fail } = rowReporter(line, cells, context.headers);
  const column = (field: ImportField) => {
    const index = context.mapping.indexOf(field);
    return index < 0 ? null : { index, value: cells[index]?.trim() ?? "" };
  };
  const attributes = attributeCells(cells, context.mapping, context.kind === "appointments" ? "appointment" : "event", context.recordAttributes, fail);
  const record = context.kind === "appointments" ? appointmentOf(column, fail, context) : repairOrderOf(column, fail, context);
  return errors.length || !record ? { record: null, errors } : { record: { ...record, attributes } as ImportedRecord, errors };
}

type Column = (field: ImportField) => { index: number; value: string } | null;
type Fail = ReturnType<typeof rowReporter>["fail"];

function appointmentOf(column: Column, fail: Fail, { timeZone, locale }: RecordContext): Omit<AppointmentRecord, "attributes"> | null {
  const combined = column("appointmentDateTime");
  const dateCell = combined ?? column("appointmentDate");
  const timeCell = combined ?? column("appointmentTime");
  const [rawDate, rawTime] = combined ? splitDateTime(combined.value) : [dateCell?.value ?? "", timeCell?.value ?? ""];
  const date = parseLocalDate(rawDate, locale);
  const time = parseLocalTime(rawTime);
  if (!date || !appointmentFields.date.safeParse(date).success) fail(dateCell!.index, "appointments.dateInvalid");
  else if (!time || !appointmentFields.time.safeParse(time).success) fail(timeCell!.index, "appointments.timeInvalid");

  const typeCell = column("appointmentType")!;
  const type = appointmentFields.type.safeParse(typeCell.value);
  if (!type.success) fail(typeCell.index, type.error.issues[0]!.message);

  const durationCell = column("appointmentDuration");
  let durationMinutes: number | undefined;
  if (durationCell?.value) {
    const duration = appointmentFields.durationMinutes.safeParse(durationCell.value.replace(/\s*(minutes|min|mn)\.?$/i, ""));
    if (duration.success) durationMinutes = duration.data;
    else fail(durationCell.index, "appointments.durationInvalid");
  }

  const statusCell = column("appointmentStatus");
  const status = statusCell?.value ? APPOINTMENT_STATUS_WORDS[squash(statusCell.value)] : undefined;
  if (statusCell?.value && !status) fail(statusCell.index, "imports.reasons.appointmentStatusInvalid", { value: statusCell.value });

  const externalCell = column("appointmentExternalId");
  if (externalCell && externalCell.value.length > 100) fail(externalCell.index, "imports.reasons.externalIdTooLong");

  if (!date || !time || !type.success) return null;
  return { kind: "appointments", startAt: zonedLocalToUtc(`${date}T${time}`, timeZone), type: type.data, durationMinutes, status, externalId: externalCell?.value || undefined };
}

function repairOrderOf(column: Column, fail: Fail, { timeZone, locale }: RecordContext): Omit<RepairOrderRecord, "attributes"> | null {
  const numberCell = column("repairOrderNumber")!;
  if (!numberCell.value) fail(numberCell.index, "imports.reasons.numberRequired");
  else if (numberCell.value.length > 60) fail(numberCell.index, "imports.reasons.numberTooLong");

  const titleCell = column("repairOrderTitle");
  if (titleCell && titleCell.value.length > 200) fail(titleCell.index, "imports.reasons.titleTooLong");

  const statusCell = column("repairOrderStatus");
  const status = statusCell?.value ? REPAIR_ORDER_STATUS_WORDS[squash(statusCell.value)] : undefined;
  if (statusCell?.value && !status) fail(statusCell.index, "imports.reasons.repairOrderStatusInvalid", { value: statusCell.value });

  const dateCell = column("repairOrderDate");
  let occurredAt: Date | undefined;
  if (dateCell?.value) {
    const [rawDate, rawTime] = splitDateTime(dateCell.value);
    const date = parseLocalDate(rawDate, locale);
    const time = rawTime ? parseLocalTime(rawTime) : "00:00";
    if (date && time) occurredAt = zonedLocalToUtc(`${date}T${time}`, timeZone);
    else fail(dateCell.index, "appointments.dateInvalid");
  }
  return { kind: "repair_orders", number: numberCell.value, title: titleCell?.value || undefined, status, occurredAt };
}
