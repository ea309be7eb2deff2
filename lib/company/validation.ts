import { z } from "zod";

const uuid = z.uuid({ message: "errors.invalidInput" });

export const teamNameSchema = z.string().trim().min(1, { message: "company.teamNameRequired" }).max(60, { message: "company.teamNameTooLong" });

export const createTeamSchema = z.object({ name: teamNameSchema });
export const renameTeamSchema = z.object({ teamId: uuid, name: teamNameSchema });
export const deleteTeamSchema = z.object({ teamId: uuid });
export const setTeamMembersSchema = z.object({ teamId: uuid, userIds: z.array(uuid).max(500) });

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => (value === "" || value === null || value === undefined || value === "off" ? null : Number(value)),
    z.number({ message }).int({ message }).min(min, { message }).max(max, { message }).nullable(),
  );

export const conversationSettingsSchema = z.object({
  autoCloseDays: optionalInt(1, 15, "company.autoCloseRange"),
  unansweredAfterHours: z.coerce.number({ message: "company.unansweredRange" }).int({ message: "company.unansweredRange" }).min(1, { message: "company.unansweredRange" }).max(168, { message: "company.unansweredRange" }),
  /** "user:<id>", "team:<id>" or "" for nobody. */
  defaultAssignee: z.string().regex(/^((user|team):[0-9a-f-]{36})?$/, { message: "conversations.assigneeInvalid" }),
});

/** The weekly progress email, on or off for the whole company. */
export const weeklyReportSchema = z.object({ enabled: z.boolean({ message: "errors.invalidInput" }) });

/** EDIT-10: the company's public review pages offered to happy customers. */
export const reviewLinksSchema = z.object({
  links: z
    .array(
      z.object({
        label: z.string().trim().min(1, { message: "company.reviewLabelRequired" }).max(40, { message: "company.reviewLabelTooLong" }),
        url: z
          .string()
          .trim()
          .url({ message: "company.reviewUrlInvalid" })
          .refine((value) => value.startsWith("https://"), { message: "company.reviewUrlInvalid" }),
      }),
    )
    .max(5, { message: "company.reviewLinksTooMany" }),
});

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "company.businessHours.timeInvalid" });

/** Open hours of one ISO weekday (1 = Monday … 7 = Sunday); a day left out is closed. */
const businessDaySchema = z
  .object({ day: z.number().int().min(1).max(7), open: clockTime, close: clockTime })
  .refine((value) => value.open < value.close, { message: "company.businessHours.closeBeforeOpen", path: ["close"] });

/** Off: every hour counts in response times. On: only the listed days' hours. */
export const businessHoursSchema = z
  .object({ enabled: z.boolean(), days: z.array(businessDaySchema).max(7) })
  .refine((value) => !value.enabled || value.days.length > 0, { message: "company.businessHours.noDays", path: ["days"] })
  .refine((value) => new Set(value.days.map((d) => d.day)).size === value.days.length, { message: "errors.invalidInput", path: ["days"] });
