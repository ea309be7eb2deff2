import { z } from "zod";
import { ALL_FIELDS, fieldFitsKind, IMPORT_KINDS } from "./mapping";

const field = z.union([z.enum(ALL_FIELDS), z.string().regex(/^(attribute|appointment|event):[a-z0-9_]{1,60}$/, { message: "imports.fieldUnknown" })], { message: "imports.fieldUnknown" });

/** What the mapping screen sends: what the rows are, and for each column a field or "" to skip it. */
export const startImportSchema = z
  .object({
    importId: z.uuid({ message: "errors.notFound" }),
    kind: z.enum(IMPORT_KINDS, { message: "imports.kindInvalid" }).default("customers"),
    /** A static group the imported customers join. */
    groupId: z.uuid({ message: "errors.notFound" }).nullish(),
    mapping: z
      .array(z.union([z.literal(""), z.null(), field]).transform((value) => value || null), { message: "imports.mappingInvalid" })
      .min(1, { message: "imports.mappingInvalid" })
      .max(100, { message: "imports.mappingInvalid" })
      .refine((mapping) => {
        const used = mapping.filter(Boolean);
        return new Set(used).size === used.length;
      }, { message: "imports.mappingDuplicate" })
      .refine((mapping) => mapping.includes("mobile") || mapping.includes("externalId"), { message: "imports.mappingNeedsKey" })
      .refine((mapping) => !(mapping.includes("fullName") && (mapping.includes("firstName") || mapping.includes("lastName"))), { message: "imports.mappingNameTwice" }),
  })
  .superRefine(({ kind, mapping }, context) => {
    const fail = (message: string) => context.addIssue({ code: "custom", path: ["mapping"], message });
    if (mapping.some((value) => value !== null && !fieldFitsKind(value, kind))) return fail("imports.mappingWrongKind");
    const has = (value: string) => mapping.includes(value);
    if (kind === "appointments") {
      if (has("appointmentDateTime") && (has("appointmentDate") || has("appointmentTime"))) fail("imports.mappingDateTwice");
      else if (!has("appointmentDateTime") && !(has("appointmentDate") && has("appointmentTime"))) fail("imports.mappingNeedsStart");
      else if (!has("appointmentType")) fail("imports.mappingNeedsType");
    }
    if (kind === "repair_orders" && !has("repairOrderNumber")) fail("imports.mappingNeedsNumber");
  });

export const importIdSchema = z.object({ importId: z.uuid({ message: "errors.notFound" }) });

export const uploadSchema = (maxBytes: number) =>
  z.object({
    fileName: z
      .string({ message: "imports.fileMissing" })
      .trim()
      .min(1, { message: "imports.fileMissing" })
      .max(200, { message: "imports.fileNameTooLong" })
      .regex(/\.(csv|txt|tsv|xlsx)$/i, { message: "imports.fileType" }),
    sizeBytes: z.number().int().min(1, { message: "imports.fileEmpty" }).max(maxBytes, { message: "imports.fileTooLarge" }),
  });
