import { z } from "zod";
import { BUILT_IN_FIELDS } from "./mapping";

const field = z.union([z.enum(BUILT_IN_FIELDS), z.string().regex(/^attribute:[a-z0-9_]{1,60}$/, { message: "imports.fieldUnknown" })], { message: "imports.fieldUnknown" });

/** What the mapping screen sends: for each column, a field or "" to skip it. */
export const startImportSchema = z.object({
  importId: z.uuid({ message: "errors.notFound" }),
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
