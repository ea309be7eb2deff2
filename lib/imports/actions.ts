"use server";

import { z } from "zod";
import { findImport, queueImport } from "@/db/queries/imports";
import { findGroup } from "@/db/queries/groups";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { throwIfNoPermission } from "@/lib/auth/permissions";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { importableAttributes } from "./imports";
import { attributeField, attributeOf } from "./mapping";
import { afterImportQueued } from "./queue";
import { startImportSchema } from "./validation";

/** Confirms what an uploaded file holds and its column mapping, and queues the import. */
export const startImport = defineAction(
  { input: startImportSchema, output: z.object({ id: z.string(), status: z.string() }), permission: "importCustomers" },
  async ({ importId, kind, mapping, groupId }, { db, companyId, role, permissions }) => {
    const current = await findImport(db, { companyId, importId });
    if (!current) throw new NotFoundError();
    if (mapping.length !== current.columns.length) throw new SafeError("imports.mappingInvalid");
    const known = new Set((await importableAttributes(db, companyId)).map((attribute) => attributeField(attribute.key, attribute.category)));
    const unknown = mapping.find((field) => field !== null && attributeOf(field) !== null && !known.has(field));
    if (unknown) throw new SafeError("imports.fieldUnknown");
    if (groupId) await assertImportGroup({ db, companyId, role, permissions }, groupId);
    const queued = await queueImport(db, { companyId, importId, kind, mapping, groupId: groupId ?? null });
    if (!queued) throw new SafeError("imports.alreadyStarted");
    await afterImportQueued(queued.id);
    return queued;
  },
);

/** The import's target group: one of the company's live static groups, for someone who may manage groups. */
async function assertImportGroup({ db, companyId, role, permissions }: Pick<ActionContext, "db" | "companyId" | "role" | "permissions">, groupId: string) {
  throwIfNoPermission({ role, permissions }, "manageGroups");
  const group = await findGroup(db, { companyId, groupId });
  if (!group || group.archivedAt) throw new NotFoundError();
  if (group.kind !== "static") throw new SafeError("groups.errors.notStatic");
}
