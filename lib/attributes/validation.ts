import { z } from "zod";

export const ATTRIBUTE_CATEGORIES = ["customer", "appointment", "event"] as const;
export const ATTRIBUTE_TYPES = ["string", "number", "money", "date", "collection"] as const;

/** "Année du véhicule" → "annee_du_vehicule". */
export function attributeKey(label: string) {
  return label
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^(\d)/, "a_$1")
    .slice(0, 40);
}

export const createAttributeSchema = z
  .object({
    category: z.enum(ATTRIBUTE_CATEGORIES, { message: "attributes.categoryInvalid" }),
    label: z.string().trim().min(1, { message: "attributes.labelRequired" }).max(60, { message: "attributes.labelTooLong" }),
    type: z.enum(ATTRIBUTE_TYPES, { message: "attributes.typeInvalid" }),
    /** Allowed values of a collection, one per line or as a list. */
    options: z
      .union([z.array(z.string()), z.string()])
      .optional()
      .transform((value) => (Array.isArray(value) ? value : (value ?? "").split(/\r?\n|,/)).map((o) => o.trim()).filter(Boolean)),
  })
  .refine((value) => value.type !== "collection" || value.options.length > 0, { message: "attributes.optionsRequired", path: ["options"] })
  .refine((value) => attributeKey(value.label).length > 0, { message: "attributes.labelInvalid", path: ["label"] });

export const deleteAttributeSchema = z.object({ id: z.uuid() });
