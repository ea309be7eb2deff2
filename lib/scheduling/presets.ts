import { TZDate } from "@date-fns/tz";

export type SchedulePreset = { key: "laterToday" | "tomorrowMorning" | "tomorrowAfternoon" | "mondayMorning"; local: string; at: Date };

const pad = (n: number) => String(n).padStart(2, "0");
const localString = (date: TZDate) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** Preset send times in the company's time zone (EDIT-11), as datetime-local strings. */
export function schedulePresets(now: Date, timeZone: string): SchedulePreset[] {
  const local = new TZDate(now.getTime(), timeZone);
  const at = (dayOffset: number, hour: number, minute = 0) => {
    const date = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + dayOffset, hour, minute, timeZone);
    return { local: localString(date), at: new Date(date.getTime()) };
  };
  const presets: SchedulePreset[] = [];
  // Later today: three hours from now, on the half hour, if that is still before 20:00.
  const later = new TZDate(now.getTime() + 3 * 3_600_000, timeZone);
  later.setMinutes(later.getMinutes() <= 30 ? 30 : 60, 0, 0);
  if (later.getDate() === local.getDate() && later.getHours() < 20) presets.push({ key: "laterToday", local: localString(later), at: new Date(later.getTime()) });
  presets.push({ key: "tomorrowMorning", ...at(1, 9) });
  presets.push({ key: "tomorrowAfternoon", ...at(1, 13) });
  const daysToMonday = ((8 - local.getDay()) % 7) || 7;
  if (daysToMonday > 1) presets.push({ key: "mondayMorning", ...at(daysToMonday, 9) });
  return presets;
}
