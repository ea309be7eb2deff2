import "server-only";
import { z } from "zod";
import { findApiConversation, listApiConversations, listApiMessages, listApiUsers } from "@/db/queries/api-resources";
import { findMessage } from "@/db/queries/messages";
import { sendSms } from "@/lib/messaging/send";
import { decodeCursor, pageOf, pageQuery, toPage } from "../pagination";
import { ApiProblem, notFound } from "../problem";
import { ApiReply, defineApiRoute } from "../route";
import { conversationOutput, messageOutput, serializeConversation, serializeMessage, serializeUser, userOutput } from "../schemas";

const idParams = z.object({ id: z.uuid() });

export const listUsers = defineApiRoute(
  {
    method: "GET",
    path: "/users",
    operationId: "listUsers",
    summary: "List users",
    description: "To map your system's users to Parley's by `external_id` (set on each user's page in Parley).",
    tag: "Users",
    scope: "read",
    query: pageQuery.extend({ external_id: z.string().max(100).optional() }),
    response: pageOf(userOutput),
  },
  async ({ query }, { db, companyId }) => {
    const rows = await listApiUsers(db, { companyId, externalId: query.external_id, limit: query.limit, cursor: decodeCursor(query.cursor) });
    return toPage(rows, query.limit, (row) => [row.id], serializeUser);
  },
);

export const listConversations = defineApiRoute(
  {
    method: "GET",
    path: "/conversations",
    operationId: "listConversations",
    summary: "List conversations, newest first",
    tag: "Conversations",
    scope: "read",
    query: pageQuery.extend({ customer_id: z.uuid().optional(), status: z.enum(["open", "closed"]).optional() }),
    response: pageOf(conversationOutput),
  },
  async ({ query }, { db, companyId }) => {
    const rows = await listApiConversations(db, { companyId, customerId: query.customer_id, status: query.status, limit: query.limit, cursor: decodeCursor(query.cursor) });
    return toPage(rows, query.limit, (row) => [row.id], serializeConversation);
  },
);

export const getConversation = defineApiRoute(
  { method: "GET", path: "/conversations/{id}", operationId: "getConversation", summary: "Get a conversation", tag: "Conversations", scope: "read", params: idParams, response: conversationOutput },
  async ({ params }, { db, companyId }) => {
    const conversation = await findApiConversation(db, { companyId, conversationId: params.id });
    if (!conversation) throw notFound("conversation");
    return serializeConversation(conversation);
  },
);

export const listConversationMessages = defineApiRoute(
  {
    method: "GET",
    path: "/conversations/{id}/messages",
    operationId: "listConversationMessages",
    summary: "List a conversation's messages, newest first",
    tag: "Conversations",
    scope: "read",
    params: idParams,
    query: pageQuery,
    response: pageOf(messageOutput),
  },
  async ({ params, query }, { db, companyId }) => {
    const conversation = await findApiConversation(db, { companyId, conversationId: params.id });
    if (!conversation) throw notFound("conversation");
    const rows = await listApiMessages(db, { companyId, conversationId: conversation.id, limit: query.limit, cursor: decodeCursor(query.cursor) });
    return toPage(rows, query.limit, (row) => [row.id], serializeMessage);
  },
);

const REFUSALS: Record<string, string> = {
  opted_out: "The customer texted STOP; only they can undo it.",
  unsubscribed_general: "The customer is unsubscribed from general messages.",
  unsubscribed_marketing: "The customer is unsubscribed from marketing messages.",
  no_mobile: "The customer has no mobile number.",
  quiet_hours: "Marketing messages wait outside the company's quiet hours.",
  empty_message: "The message is empty once its template is filled in.",
  template_error: "The message's template has a syntax error.",
};

export const sendMessage = defineApiRoute(
  {
    method: "POST",
    path: "/messages",
    operationId: "sendMessage",
    summary: "Send a text message to a customer",
    description:
      "Goes through Parley's one sending gate: STOP opt-outs, subscriptions and quiet hours apply, and a refusal is a 422 whose `code` names the reason (`opted_out`, `unsubscribed_general`, `quiet_hours`…). `{ customer.first_name }` tokens are filled in. Answers the message with its status.",
    tag: "Messages",
    scope: "send",
    body: z.object({
      customer_id: z.uuid(),
      body: z.string().trim().min(1).max(1600),
      category: z.enum(["general", "marketing"]).default("general").describe("Marketing messages respect the marketing subscription and quiet hours."),
    }),
    response: messageOutput,
    status: 201,
  },
  async ({ body }, { db, companyId, keyId }) => {
    const outcome = await sendSms(db, { companyId, customerId: body.customer_id, body: body.body, category: body.category, source: { kind: "api", id: keyId } });
    if (!outcome.ok) {
      if (outcome.reason === "customer_not_found") throw notFound("customer");
      throw new ApiProblem(422, "Message refused", REFUSALS[outcome.reason] ?? outcome.reason, { code: outcome.reason });
    }
    const message = (await findMessage(db, { companyId, messageId: outcome.message.id })) ?? outcome.message;
    return new ApiReply(201, serializeMessage(message));
  },
);
