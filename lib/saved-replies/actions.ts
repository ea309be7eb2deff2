import { and, eq } from "drizzle-orm";
import { findCompany } from "@/db/queries/companies";
import { savedReplies } from "@/db/schema";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { assertValidTemplate } from "@/lib/templates/validate";
import { listSavedReplies } from "./queries";
import { deleteSavedReplySchema, savedReplySchema, updateSavedReplySchema } from "./validation";
import { z } from "zod";

/** EDIT-4: editing saved replies is a permission; the company decides who has it. */
export async function canEditSavedReplies({ db, companyId, role }: Pick<ActionContext, "db" | "companyId" | "role">) {
  if (role === "admin") return true;
  return (await findCompany(db, { companyId }))?.savedReplyEditorsRole === "agent";
}

async function assertEditor(context: ActionContext) {
  if (!(await canEditSavedReplies(context))) throw new SafeError("savedReplies.noPermission");
}

export const createSavedReply = defineAction({ input: savedReplySchema }, async ({ title, body }, context) => {
  await assertEditor(context);
  await assertValidTemplate(context.db, context.companyId, body);
  const [reply] = await context.db.insert(savedReplies).values({ companyId: context.companyId, title, body, createdByUserId: context.userId }).returning();
  return reply!;
});

export const updateSavedReply = defineAction({ input: updateSavedReplySchema }, async ({ id, title, body }, context) => {
  await assertEditor(context);
  await assertValidTemplate(context.db, context.companyId, body);
  const [reply] = await context.db
    .update(savedReplies)
    .set({ title, body })
    .where(and(eq(savedReplies.companyId, context.companyId), eq(savedReplies.id, id)))
    .returning();
  if (!reply) throw new NotFoundError();
  return reply;
});

/** Permanent: a deleted saved reply cannot be recovered. */
export const deleteSavedReply = defineAction({ input: deleteSavedReplySchema }, async ({ id }, context) => {
  await assertEditor(context);
  const [reply] = await context.db.delete(savedReplies).where(and(eq(savedReplies.companyId, context.companyId), eq(savedReplies.id, id))).returning({ id: savedReplies.id });
  if (!reply) throw new NotFoundError();
  return reply;
});

export const searchSavedReplies = defineAction({ input: z.object({ query: z.string().max(100).default("") }) }, async ({ query }, { db, companyId }) =>
  listSavedReplies(db, { companyId, query }),
);
