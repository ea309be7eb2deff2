"use server";

import { z } from "zod";
import { revokeApiKey as revokeApiKeyRow } from "@/db/queries/api";
import { assignUserExternalId } from "@/lib/users/profile";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { createApiKey as makeApiKey } from "./keys";
import { createApiKeySchema, revokeApiKeySchema, userExternalIdSchema } from "./validation";

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

/** Sets a user's id in the integrated system (USER-1); "" removes it. */
export const setUserExternalId = defineAction(
  { input: userExternalIdSchema, output: z.object({ userId: z.string(), externalId: z.string().nullable() }), permission: "manageApiKeys" },
  async ({ userId, externalId }, { db, companyId }) => {
    const value = externalId || null;
    await assignUserExternalId(db, { companyId, userId, externalId: value });
    return { userId, externalId: value };
  },
);
