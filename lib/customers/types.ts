import { z } from "zod";

/** A row of the customer list (CUST-1) as the directory shows it. */
export const customerListRowSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  language: z.enum(["fr", "en"]),
  subscribedGeneral: z.boolean(),
  subscribedMarketing: z.boolean(),
  optedOutAt: z.date().nullable(),
});
export type CustomerListRow = z.infer<typeof customerListRowSchema>;

export const customerCursorSchema = z.object({ lastName: z.string(), firstName: z.string(), id: z.string() });
export type CustomerCursor = z.infer<typeof customerCursorSchema>;

export const customerPageResultSchema = z.object({ customers: z.array(customerListRowSchema), nextCursor: customerCursorSchema.nullable() });
export type CustomerPage = z.infer<typeof customerPageResultSchema>;

// The profile's rows are read in db/queries/customer-profile.ts; components know only their shape.
export type { ProfileTab, TimelineItem } from "@/db/queries/customer-profile";
