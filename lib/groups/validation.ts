import { z } from "zod";
import { audienceRulesSchema } from "@/lib/automations/rules/schema";

const uuid = z.uuid({ message: "errors.invalidInput" });
const name = z.string().trim().min(1, { message: "groups.errors.nameRequired" }).max(80, { message: "groups.errors.nameTooLong" });
const description = z
  .string()
  .trim()
  .max(300, { message: "groups.errors.descriptionTooLong" })
  .nullish()
  .transform((value) => value || null);
/** Customers added to a static group in one action (the directory's selection, at most). */
const MAX_ADD_AT_ONCE = 1000;
const customerIds = z.array(uuid).min(1, { message: "groups.errors.noCustomers" }).max(MAX_ADD_AT_ONCE, { message: "groups.errors.tooManyCustomers" });

export const createGroupSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("dynamic"), name, description, rules: audienceRulesSchema }),
  z.object({ kind: z.literal("static"), name, description, customerIds: z.array(uuid).max(MAX_ADD_AT_ONCE, { message: "groups.errors.tooManyCustomers" }).default([]) }),
]);
export type CreateGroupInput = z.input<typeof createGroupSchema>;

/** Rename, describe, and for a dynamic group change its rules. */
export const updateGroupSchema = z.object({ groupId: uuid, name, description, rules: audienceRulesSchema.optional() });

export const groupIdSchema = z.object({ groupId: uuid });
export const groupMembersSchema = z.object({ groupId: uuid, customerIds });
export const freezeGroupSchema = z.object({ groupId: uuid, name });
export const countGroupSchema = z.object({ groupId: uuid.nullish(), rules: audienceRulesSchema });
export const groupMembersPageSchema = z.object({
  groupId: uuid,
  q: z.string().trim().max(100).optional(),
  cursor: z.object({ lastName: z.string().max(80), firstName: z.string().max(80), id: uuid }).nullish(),
});
