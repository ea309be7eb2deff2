import { z } from "zod";
import { ATTRIBUTE_CATEGORIES, ATTRIBUTE_TYPES } from "./validation";

/** A custom attribute definition as pages and components see it. */
export const attributeDefinitionSchema = z.object({
  id: z.string(),
  category: z.enum(ATTRIBUTE_CATEGORIES),
  key: z.string(),
  label: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(z.string()),
});

export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;

export type { AttributeCategory, AttributeType, AttributeValue, AttributeValues } from "@/db/schema";
