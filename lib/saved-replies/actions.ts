"use server";

import { z } from "zod";
import { deleteSavedReplyRow, insertSavedReply, listSavedReplies, setSavedReplyEditorsRole, updateSavedReplyRow } from "@/db/queries/saved-replies";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { assertValidTemplate } from "@/lib/templates/validate";
import { canEditSavedReplies } from "./editors";
import { deleteSavedReplySchema, savedReplyEditorsSchema, savedReplySchema, searchSavedRepliesSchema, updateSavedReplySchema } from "./validation";

const savedReply = z.object({ id: z.string(), title: z.string(), body: z.string() });

async function assertEditor(context: ActionContext) {
  if (!(await canEditSavedReplies(context))) throw new SafeError("savedReplies.noPermission");
}

export const createSavedReply = defineAction({ input: savedReplySchema, output: savedReply }, async ({ title, body }, context) => {
  await assertEditor(context);
  await assertValidTemplate(context.db, context.companyId, body);
  return insertSavedReply(context.db, { companyId: context.companyId, title, body, createdByUserId: context.userId });
});

export const updateSavedReply = defineAction({ input: updateSavedReplySchema, output: savedReply }, async ({ id, title, body }, context) => {
  await assertEditor(context);
  await assertValidTemplate(context.db, context.companyId, body);
  const reply = await updateSavedReplyRow(context.db, { companyId: context.companyId, id, title, body });
  if (!reply) throw new NotFoundError();
  return reply;
});

/** Permanent: a deleted saved reply cannot be recovered. */
export const deleteSavedReply = defineAction({ input: deleteSavedReplySchema, output: z.object({ id: z.string() }) }, async ({ id }, context) => {
  await assertEditor(context);
  const reply = await deleteSavedReplyRow(context.db, { companyId: context.companyId, id });
  if (!reply) throw new NotFoundError();
  return reply;
});

export const searchSavedReplies = defineAction({ input: searchSavedRepliesSchema, output: z.array(savedReply) }, async ({ query }, { db, companyId }) =>
  listSavedReplies(db, { companyId, query }),
);

/** Who may edit saved replies (EDIT-4): admins only, or everyone. */
export const setSavedReplyEditors = defineAction(
  { input: savedReplyEditorsSchema, output: z.object({ role: z.enum(["admin", "agent"]) }), permission: "manageCompany" },
  async ({ role }, { db, companyId }) => {
    await setSavedReplyEditorsRole(db, { companyId, role });
    return { role };
  },
);
