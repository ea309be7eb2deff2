import { TZDate } from "@date-fns/tz";
import { calendarDaySchema } from "@/lib/time";
import { addDays, addMonths, differenceInCalendarDays, format, startOfMonth, startOfWeek } from "date-fns";
import { z } from "zod";

export const RANGE_PRESETS = ["this_week", "last_week", "this_month", "last_month", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const day = calendarDaySchema();

/** The dashboard's search params; anything unreadable falls back to this week. */
const reportRangeSchema = z
  .object({
    range: z.enum(RANGE_PRESETS).catch("this_week"),
    from: day.optional().catch(undefined),
    to: day.optional().catch(undefined),
  })
  .transform((value) => (value.range === "custom" && (!value.from || !value.to || value.from > value.to) ? { range: "this_week" as const } : value));

export type ReportRangeInput = z.input<typeof reportRangeSchema>;

/** Calendar days (company time zone), `toDay` included; `from`/`to` the matching UTC instants, `to` excluded. */
export type Period = { fromDay: string; toDay: string; from: Date; to: Date; days: number };
export type ReportRange = { preset: RangePreset; current: Period; previous: Period };

/** Custom ranges are capped so a report stays one query over a bounded range. */
const MAX_RANGE_DAYS = 366;

const dayString = (date: TZDate) => format(date, "yyyy-MM-dd");

function midnight(value: string, timeZone: string) {
  const [year, month, date] = value.split("-").map(Number);
  return new TZDate(year!, month! - 1, date!, timeZone);
}

function period(start: TZDate, endExclusive: TZDate): Period {
  return {
    fromDay: dayString(start),
    toDay: dayString(addDays(endExclusive, -1)),
    from: new Date(start.getTime()),
    to: new Date(endExclusive.getTime()),
    days: differenceInCalendarDays(endExclusive, start),
  };
}

/**
 * The period a preset names in the company's time zone (weeks start on Monday), and the
 * previous one to compare with: the calendar month before a month, the week before a
 * week, as many calendar days just before a custom range. Days are counted on the
 * calendar, so a week across a daylight-saving change is 167 or 169 hours.
 */
export function resolveReportRange(raw: unknown, timeZone: string, now = new Date()): ReportRange {
  const input = reportRangeSchema.parse(raw ?? {});
  const today = new TZDate(now.getTime(), timeZone);
  let start: TZDate;
  let end: TZDate;
  switch (input.range) {
    case "this_week":
      start = startOfWeek(today, { weekStartsOn: 1 });
      end = addDays(start, 7);
      break;
    case "last_week":
      end = startOfWeek(today, { weekStartsOn: 1 });
      start = addDays(end, -7);
      break;
    case "this_month":
      start = startOfMonth(today);
      end = addMonths(start, 1);
      break;
    case "last_month":
      end = startOfMonth(today);
      start = addMonths(end, -1);
      break;
    case "custom": {
      start = midnight(input.from!, timeZone);
      end = addDays(midnight(input.to!, timeZone), 1);
      if (differenceInCalendarDays(end, start) > MAX_RANGE_DAYS) start = addDays(end, -MAX_RANGE_DAYS);
      break;
    }
  }
  const current = period(start, end);
  // A month is compared with the calendar month before it (November with October); weeks and custom ranges with as many days just before.
  const monthly = input.range === "this_month" || input.range === "last_month";
  const previous = period(monthly ? addMonths(start, -1) : addDays(start, -current.days), start);
  return { preset: input.range, current, previous };
}

/** The search params that reopen a range. */
export function rangeSearchParams(range: ReportRange): Record<string, string> {
  return range.preset === "custom" ? { range: "custom", from: range.current.fromDay, to: range.current.toDay } : { range: range.preset };
}

/** Relative change from the previous period, or null when there is nothing to compare with. */
export function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
