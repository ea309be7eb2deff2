import { TZDate } from "@date-fns/tz";
import { z } from "zod";

/** "2026-11-25T17:00" typed in a datetime-local field, read in the company's time zone. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "errors.dateTimeInvalid" });

const isCalendarDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** A real calendar day "YYYY-MM-DD" (not 2024-02-30, which Date.parse rolls over to March). */
export const calendarDaySchema = (message = "errors.invalidInput") => z.string().refine(isCalendarDay, { message });

export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const [date = "", time = ""] = local.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, timeZone).getTime());
}

/** The inverse, to fill a datetime-local field. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const zoned = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`;
}

/** The UTC range of one calendar day in the company's time zone. */
export function dayRange(day: string, timeZone: string) {
  const [year, month, date] = day.split("-").map(Number);
  const start = new TZDate(year!, month! - 1, date!, 0, 0, timeZone);
  const end = new TZDate(year!, month! - 1, date! + 1, 0, 0, timeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}
