import { schedulePresets } from "./presets";

describe("schedule presets", () => {
  it("offers later today, tomorrow morning and afternoon, and Monday morning, in the company's time zone", () => {
    // Thursday 26 November 2026, 10:10 in Montréal.
    const presets = schedulePresets(new Date("2026-11-26T15:10:00Z"), "America/Toronto");
    expect(presets.map((p) => [p.key, p.local])).toEqual([
      ["laterToday", "2026-11-26T13:30"],
      ["tomorrowMorning", "2026-11-27T09:00"],
      ["tomorrowAfternoon", "2026-11-27T13:00"],
      ["mondayMorning", "2026-11-30T09:00"],
    ]);
    expect(presets[1]!.at.toISOString()).toBe("2026-11-27T14:00:00.000Z");
  });

  it("skips later today in the evening, and Monday when tomorrow is Monday", () => {
    // Sunday 29 November 2026, 19:00 in Montréal.
    const presets = schedulePresets(new Date("2026-11-30T00:00:00Z"), "America/Toronto");
    expect(presets.map((p) => p.key)).toEqual(["tomorrowMorning", "tomorrowAfternoon"]);
  });
});
