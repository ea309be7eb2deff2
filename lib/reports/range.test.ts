import { zonedLocalToUtc } from "@/lib/time";
import { percentChange, rangeSearchParams, resolveReportRange } from "./range";

const TZ = "America/Toronto";
const NOW = zonedLocalToUtc("2026-11-04T12:00", TZ);

describe("report ranges", () => {
  it("starts weeks on Monday in the company's time zone, 169 hours long across the change to standard time", () => {
    const { current, previous } = resolveReportRange({ range: "last_week" }, TZ, NOW);
    expect(current).toMatchObject({ fromDay: "2026-10-26", toDay: "2026-11-01", days: 7 });
    expect((current.to.getTime() - current.from.getTime()) / 3_600_000).toBe(169);
    expect(previous).toMatchObject({ fromDay: "2026-10-19", toDay: "2026-10-25", days: 7 });
    expect(resolveReportRange({ range: "this_week" }, TZ, NOW).current).toMatchObject({ fromDay: "2026-11-02", toDay: "2026-11-08", from: new Date("2026-11-02T05:00:00Z") });
  });

  it("compares a month with the calendar month before it", () => {
    const thisMonth = resolveReportRange({ range: "this_month" }, TZ, NOW);
    expect(thisMonth.current).toMatchObject({ fromDay: "2026-11-01", toDay: "2026-11-30", days: 30 });
    expect(thisMonth.previous).toMatchObject({ fromDay: "2026-10-01", toDay: "2026-10-31", days: 31 });
    const lastMonth = resolveReportRange({ range: "last_month" }, TZ, NOW);
    expect(lastMonth.current).toMatchObject({ fromDay: "2026-10-01", toDay: "2026-10-31", days: 31 });
    expect(lastMonth.previous).toMatchObject({ fromDay: "2026-09-01", toDay: "2026-09-30", days: 30 });
    const march = resolveReportRange({ range: "last_month" }, TZ, zonedLocalToUtc("2026-03-10T12:00", TZ));
    expect(march.previous).toMatchObject({ fromDay: "2026-01-01", toDay: "2026-01-31", days: 31, from: new Date("2026-01-01T05:00:00Z") });
    expect(march.current).toMatchObject({ fromDay: "2026-02-01", toDay: "2026-02-28", days: 28 });
  });

  it("compares a week with the week before it", () => {
    const thisWeek = resolveReportRange({ range: "this_week" }, TZ, NOW);
    expect(thisWeek.previous).toMatchObject({ fromDay: "2026-10-26", toDay: "2026-11-01", days: 7 });
  });

  it("reads a custom range of two days, both included, and falls back to this week on nonsense", () => {
    const custom = resolveReportRange({ range: "custom", from: "2026-10-30", to: "2026-11-02" }, TZ, NOW);
    expect(custom.current).toMatchObject({ fromDay: "2026-10-30", toDay: "2026-11-02", days: 4, from: new Date("2026-10-30T04:00:00Z"), to: new Date("2026-11-03T05:00:00Z") });
    expect(custom.previous).toMatchObject({ fromDay: "2026-10-26", toDay: "2026-10-29" });
    expect(rangeSearchParams(custom)).toEqual({ range: "custom", from: "2026-10-30", to: "2026-11-02" });
    expect(resolveReportRange({ range: "custom", from: "2026-11-02", to: "2026-10-30" }, TZ, NOW).preset).toBe("this_week");
    // February 30th is no day (Date.parse would roll it over to March 2nd).
    expect(resolveReportRange({ range: "custom", from: "2026-02-30", to: "2026-03-05" }, TZ, NOW).preset).toBe("this_week");
    expect(resolveReportRange({ range: "yesterday", from: "not a date" }, TZ, NOW).preset).toBe("this_week");
    expect(resolveReportRange({ range: "custom", from: "2020-01-01", to: "2026-11-02" }, TZ, NOW).current.days).toBe(366);
  });

  it("gives the change from the previous period, none from zero", () => {
    expect(percentChange(15, 10)).toBe(0.5);
    expect(percentChange(5, 10)).toBe(-0.5);
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(null, 3)).toBeNull();
  });
});
