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
