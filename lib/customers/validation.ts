import { z } from "zod";

const uuid = z.uuid({ message: "errors.invalidInput" });
const name = z.string().trim().max(80, { message: "customers.nameTooLong" });

export const customerFieldsSchema = z.object({
  firstName: name.optional(),
  lastName: name.optional(),
  /** In any format; "" removes it. */
  mobile: z.string().trim().max(40).optional(),
  email: z.union([z.literal(""), z.string().trim().toLowerCase().email({ message: "customers.emailInvalid" })]).optional(),
  language: z.enum(["fr", "en"]).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export const updateCustomerSchema = customerFieldsSchema.extend({ customerId: uuid });

export const createCustomerSchema = customerFieldsSchema
  .extend({ firstName: name.default(""), lastName: name.default("") })
  .refine((value) => Boolean(value.firstName || value.lastName || value.mobile), { message: "customers.nameOrMobileRequired", path: ["firstName"] });

export const subscriptionsSchema = z.object({
  customerId: uuid,
  general: z.boolean(),
  marketing: z.boolean(),
});

export const customerListFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  mobile: z.enum(["with", "without"]).optional(),
  unsubscribed: z.enum(["general", "marketing", "any"]).optional(),
  optedOut: z.enum(["yes"]).optional(),
});
export type CustomerListFilter = z.infer<typeof customerListFilterSchema>;

export const customerPageSchema = customerListFilterSchema.extend({
  cursor: z.object({ lastName: z.string().max(80), firstName: z.string().max(80), id: uuid }).nullish(),
});
