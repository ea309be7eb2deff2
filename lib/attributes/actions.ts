"use server";

import { z } from "zod";
import { deleteAttributeDefinition, insertAttributeDefinition, removeAttributeValues } from "@/db/queries/attributes";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { BUILT_IN_ATTRIBUTES } from "@/lib/templates/context";
import { attributeDefinitionSchema } from "./types";
import { attributeKey, createAttributeSchema, deleteAttributeSchema } from "./validation";

/** EDIT-5: a custom attribute of customers, appointments or events. */
export const createAttribute = defineAction(
  { input: createAttributeSchema, output: attributeDefinitionSchema, permission: "manageCompany" },
  async ({ category, label, type, options }, { db, companyId }) => {
    const key = attributeKey(label);
    if ((BUILT_IN_ATTRIBUTES as readonly string[]).includes(`${category}.${key}`)) throw new SafeError("attributes.keyReserved", { key });
    const created = await insertAttributeDefinition(db, { companyId, category, key, label, type, options: type === "collection" ? options : [] });
    if (!created) throw new SafeError("attributes.keyTaken", { key });
    return created;
  },
);

/** Deleting an attribute deletes its values on every customer, appointment or event too. */
export const deleteAttribute = defineAction(
  { input: deleteAttributeSchema, output: z.object({ id: z.string(), valuesRemoved: z.number() }), permission: "manageCompany" },
  async ({ id }, { db, companyId }) => {
    return db.transaction(async (tx) => {
      const definition = await deleteAttributeDefinition(tx, { companyId, definitionId: id });
      if (!definition) throw new NotFoundError();
      const valuesRemoved = await removeAttributeValues(tx, { companyId, category: definition.category, key: definition.key });
      return { id: definition.id, valuesRemoved };
    });
  },
);
