import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, { message: "api.keys.nameRequired" }).max(80, { message: "api.keys.nameTooLong" }),
  scopes: z.array(z.enum(["read", "write", "send"])).min(1, { message: "api.keys.scopeRequired" }),
});

export const revokeApiKeySchema = z.object({ id: z.uuid({ message: "errors.invalidInput" }) });

export const userExternalIdSchema = z.object({
  userId: z.uuid({ message: "errors.invalidInput" }),
  externalId: z.string().trim().max(100, { message: "api.users.externalIdTooLong" }),
});
