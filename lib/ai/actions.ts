"use server";

import { z } from "zod";
import { attributeDefinitions } from "@/db/queries/attributes";
import { findCompany } from "@/db/queries/companies";
import { findConversation } from "@/db/queries/conversations";
import { findCustomer } from "@/db/queries/customers";
import { findMessage, setMessageTranslation } from "@/db/queries/messages";
import { findCompanyUser } from "@/db/queries/users";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { attributeTypesByPath, templateValues } from "@/lib/templates/context";
import { renderTemplate } from "@/lib/templates/render";
import { aiClient } from "./client";
import { improve, spellcheck, translate } from "./writing";
import { rewriteSchema, translateDraftSchema, translateMessageSchema } from "./validation";

const rewritten = z.object({ text: z.string() });

export const spellcheckDraft = defineAction({ input: rewriteSchema, output: rewritten }, async ({ text }) => ({ text: await spellcheck(aiClient(), text) }));

export const improveDraft = defineAction({ input: rewriteSchema, output: rewritten }, async ({ text }) => ({ text: await improve(aiClient(), text) }));

export const translateDraft = defineAction(
  { input: translateDraftSchema, output: z.object({ text: z.string(), original: z.string(), language: z.string(), sourceLanguage: z.string().nullable() }) },
  async ({ text, language, fillForConversationId }, { db, companyId, userId }) => {
    let source = text;
    if (fillForConversationId) {
      const conversation = await findConversation(db, { companyId, conversationId: fillForConversationId });
      if (!conversation) throw new NotFoundError();
      const [customer, company, user, definitions] = await Promise.all([
        findCustomer(db, { companyId, customerId: conversation.customerId }),
        findCompany(db, { companyId }),
        findCompanyUser(db, { companyId, userId }),
        attributeDefinitions(db, { companyId }),
      ]);
      source = renderTemplate(text, templateValues({ locale: customer!.language, timeZone: company!.timezone, customer, company, user, attributeTypes: attributeTypesByPath(definitions) }));
    }
    const translated = await translate(aiClient(), source, language);
    return { text: translated.text, original: source, language, sourceLanguage: translated.sourceLanguage };
  },
);

/** EDIT-13: a customer's message in another language, kept under it. */
export const translateMessage = defineAction(
  { input: translateMessageSchema, output: z.object({ text: z.string(), language: z.string(), sourceLanguage: z.string().nullable() }) },
  async ({ messageId, language }, { db, companyId }) => {
    const message = await findMessage(db, { companyId, messageId });
    if (!message) throw new NotFoundError();
    const translated = await translate(aiClient(), message.body.replace(/[{}]/g, ""), language);
    await setMessageTranslation(db, { companyId, messageId, text: translated.text, language, sourceLanguage: message.direction === "inbound" ? translated.sourceLanguage : undefined });
    publish(companyId, { type: "conversation.updated", conversationId: message.conversationId });
    return { text: translated.text, language, sourceLanguage: translated.sourceLanguage };
  },
);
