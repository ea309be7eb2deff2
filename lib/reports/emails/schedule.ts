import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/time";
import { resolveReportRange, type ReportRange } from "../range";

/** Report emails leave at this local hour of the company's time zone. */
const REPORT_EMAIL_TIME = "07:00";

const addDay = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The week the weekly email reports — last Monday to Sunday against the week before —
 * once this week's Monday 07:00 has passed in the company's time zone, else null. The
 * whole week is its window, so a server that was down on Monday still sends it.
 */
export function dueWeeklyReport(timeZone: string, now: Date, { anyTime = false } = {}): ReportRange | null {
  const thisMonday = resolveReportRange({ range: "this_week" }, timeZone, now).current.fromDay;
  if (!anyTime && now < zonedLocalToUtc(`${thisMonday}T${REPORT_EMAIL_TIME}`, timeZone)) return null;
  return resolveReportRange({ range: "last_week" }, timeZone, now);
}

/** Yesterday (company time zone) once today's 07:00 has passed, else null. */
export function dueDailyReport(timeZone: string, now: Date, { anyTime = false } = {}): ReportRange["current"] | null {
  const today = utcToZonedLocal(now, timeZone).slice(0, 10);
  if (!anyTime && now < zonedLocalToUtc(`${today}T${REPORT_EMAIL_TIME}`, timeZone)) return null;
  const yesterday = addDay(today, -1);
  return resolveReportRange({ range: "custom", from: yesterday, to: yesterday }, timeZone, now).current;
}
