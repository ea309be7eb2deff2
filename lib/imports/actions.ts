"use server";

import { z } from "zod";
import { findImport, queueImport } from "@/db/queries/imports";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { importableAttributes } from "./imports";
import { attributeField, attributeOf } from "./mapping";
import { afterImportQueued } from "./queue";
import { startImportSchema } from "./validation";

/** Confirms what an uploaded file holds and its column mapping, and queues the import. */
export const startImport = defineAction(
  { input: startImportSchema, output: z.object({ id: z.string(), status: z.string() }), permission: "importCustomers" },
  async ({ importId, kind, mapping }, { db, companyId }) => {
    const current = await findImport(db, { companyId, importId });
    if (!current) throw new NotFoundError();
    if (mapping.length !== current.columns.length) throw new SafeError("imports.mappingInvalid");
    const known = new Set((await importableAttributes(db, companyId)).map((attribute) => attributeField(attribute.key, attribute.category)));
    const unknown = mapping.find((field) => field !== null && attributeOf(field) !== null && !known.has(field));
    if (unknown) throw new SafeError("imports.fieldUnknown");
    const queued = await queueImport(db, { companyId, importId, kind, mapping });
    if (!queued) throw new SafeError("imports.alreadyStarted");
    await afterImportQueued(queued.id);
    return queued;
  },
);
