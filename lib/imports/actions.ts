import { and, eq } from "drizzle-orm";
import { imports } from "@/db/schema";
import { findImport } from "@/db/queries/imports";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { customerAttributes } from "./imports";
import { attributeKeyOf } from "./mapping";
import { afterImportQueued } from "./queue";
import { startImportSchema } from "./validation";

const ADMIN = { roles: ["admin" as const] };

/** Confirms the column mapping of an uploaded file and queues the import. */
export const startImport = defineAction({ input: startImportSchema, ...ADMIN }, async ({ importId, mapping }, { db, companyId }) => {
  const current = await findImport(db, { companyId, importId });
  if (!current) throw new NotFoundError();
  if (mapping.length !== current.columns.length) throw new SafeError("imports.mappingInvalid");
  const keys = new Set((await customerAttributes(db, companyId)).map((attribute) => attribute.key));
  const unknown = mapping.map((field) => (field ? attributeKeyOf(field) : null)).find((key) => key !== null && !keys.has(key));
  if (unknown) throw new SafeError("imports.fieldUnknown");
  const [queued] = await db
    .update(imports)
    .set({ status: "pending", mapping })
    .where(and(eq(imports.companyId, companyId), eq(imports.id, importId), eq(imports.status, "mapping")))
    .returning({ id: imports.id, status: imports.status });
  if (!queued) throw new SafeError("imports.alreadyStarted");
  await afterImportQueued(queued.id);
  return queued;
});
