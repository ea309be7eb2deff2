"use server";

import { z } from "zod";
import { revokeApiKey as revokeApiKeyRow } from "@/db/queries/api";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { createApiKey as makeApiKey } from "./keys";
import { createApiKeySchema, revokeApiKeySchema } from "./validation";

/** Makes a key and answers it in full, the only time it is shown. */
export const createApiKey = defineAction(
  { input: createApiKeySchema, output: z.object({ id: z.string(), key: z.string(), prefix: z.string() }), permission: "manageApiKeys" },
  async ({ name, scopes }, { db, companyId, userId }) => {
    const { key, row } = await makeApiKey(db, { companyId, name, scopes, createdByUserId: userId });
    return { id: row.id, key, prefix: row.prefix };
  },
);

/** Revokes a key: its next request is refused. */
export const revokeApiKey = defineAction({ input: revokeApiKeySchema, output: z.object({ id: z.string() }), permission: "manageApiKeys" }, async ({ id }, { db, companyId }) => {
  const revoked = await revokeApiKeyRow(db, { companyId, keyId: id });
  if (!revoked) throw new NotFoundError();
  return revoked;
});
