import { and, eq } from "drizzle-orm";
import { findConversation } from "@/db/queries/conversations";
import { findCompanyUser } from "@/db/queries/users";
import { findCompany } from "@/db/queries/companies";
import { customers, messages } from "@/db/schema";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { templateValues } from "@/lib/templates/context";
import { renderTemplate } from "@/lib/templates/render";
import { defaultAiClient, type AiClient } from "./client";
import { improve, spellcheck, translate } from "./writing";
import { rewriteSchema, translateDraftSchema, translateMessageSchema } from "./validation";

let override: AiClient | null | undefined;
/** Tests point the actions at a client talking to a local fake server. */
export function useAiClient(client: AiClient | null | undefined) {
  override = client;
}

function client(): AiClient {
  const ai = override !== undefined ? override : defaultAiClient();
  if (!ai) throw new SafeError("ai.notConfigured");
  return ai;
}

export const spellcheckDraft = defineAction({ input: rewriteSchema }, async ({ text }) => ({ text: await spellcheck(client(), text) }));

export const improveDraft = defineAction({ input: rewriteSchema }, async ({ text }) => ({ text: await improve(client(), text) }));

export const translateDraft = defineAction({ input: translateDraftSchema }, async ({ text, language, fillForConversationId }, { db, companyId, userId }) => {
  let source = text;
  if (fillForConversationId) {
    const conversation = await findConversation(db, { companyId, conversationId: fillForConversationId });
    if (!conversation) throw new NotFoundError();
    const [[customer], company, user] = await Promise.all([
      db.select().from(customers).where(and(eq(customers.companyId, companyId), eq(customers.id, conversation.customerId))),
      findCompany(db, { companyId }),
      findCompanyUser(db, { companyId, userId }),
    ]);
    source = renderTemplate(text, templateValues({ locale: customer!.language, timeZone: company!.timezone, customer, company, user }));
  }
  return { text: await translate(client(), source, language), original: source };
});

/** EDIT-13: a customer's message in another language, kept under it. */
export const translateMessage = defineAction({ input: translateMessageSchema }, async ({ messageId, language }, { db, companyId }) => {
  const [message] = await db.select().from(messages).where(and(eq(messages.companyId, companyId), eq(messages.id, messageId)));
  if (!message) throw new NotFoundError();
  const translated = await translate(client(), message.body.replace(/[{}]/g, ""), language);
  await db.update(messages).set({ translatedBody: translated, translatedLanguage: language }).where(eq(messages.id, messageId));
  publish(companyId, { type: "conversation.updated", conversationId: message.conversationId });
  return { text: translated, language };
});
