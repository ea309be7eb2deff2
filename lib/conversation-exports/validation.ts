import { z } from "zod";
import { calendarDaySchema } from "@/lib/time";

const day = calendarDaySchema("conversationExport.errors.rangeRequired");

/** The export dialog: the whole conversation, or calendar days (in the company's time zone), with or without notes. */
export const requestExportSchema = z
  .object({
    conversationId: z.uuid(),
    scope: z.enum(["all", "range"]),
    from: day.optional(),
    to: day.optional(),
    includeNotes: z.boolean().default(false),
  })
  .refine((value) => value.scope === "all" || (value.from && value.to), { message: "conversationExport.errors.rangeRequired", path: ["from"] })
  .refine((value) => value.scope === "all" || !value.from || !value.to || value.from <= value.to, { message: "conversationExport.errors.rangeOrder", path: ["to"] });

export const exportStatusSchema = z.object({ conversationId: z.uuid() });

export const exportProgressSchema = z.object({
  id: z.string(),
  status: z.enum(["pending", "running", "ready", "failed"]),
  pageCount: z.number().nullable(),
});

export type ExportProgress = z.infer<typeof exportProgressSchema>;
