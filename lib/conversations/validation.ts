import { z } from "zod";

const uuid = z.uuid({ message: "errors.invalidInput" });

export const inboxViewSchema = z.union([
  z.literal("mine").transform(() => ({ kind: "mine" as const })),
  z.literal("all").transform(() => ({ kind: "all" as const })),
  z
    .string()
    .regex(/^(user|team):[0-9a-f-]{36}$/)
    .transform((value) => {
      const [kind, id] = value.split(":") as ["user" | "team", string];
      return { kind, id };
    }),
]);

export const inboxFilterSchema = z.object({
  view: inboxViewSchema.prefault("mine"),
  status: z.enum(["open", "closed", "all"]).default("open"),
  flags: z.array(z.enum(["read", "unread", "unanswered"])).max(3).default([]),
});

/** Inbox filters as they appear in the URL (?view=…&status=…&flags=unread,unanswered). */
/** A conversation opens at its newest THREAD_PAGE messages; "Load earlier messages" adds as many each time. */
export const THREAD_PAGE = 50;
const threadLengthSchema = z.coerce.number().int().min(THREAD_PAGE).max(5000);

/** How many of the newest messages the thread shows (?messages=100), THREAD_PAGE when absent or invalid. */
export function threadLengthFromParams(params: Record<string, string | string[] | undefined>) {
  const value = Array.isArray(params.messages) ? params.messages[0] : params.messages;
  const parsed = threadLengthSchema.safeParse(value);
  return parsed.success ? parsed.data : THREAD_PAGE;
}

export function inboxFilterFromParams(params: Record<string, string | string[] | undefined>) {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = inboxFilterSchema.safeParse({
    view: one(params.view) || undefined,
    status: one(params.status) || undefined,
    flags: (one(params.flags) ?? "").split(",").filter(Boolean),
  });
  return parsed.success ? parsed.data : inboxFilterSchema.parse({});
}

export const sendReplySchema = z.object({
  conversationId: uuid,
  // A file cannot go without a message (EDIT-7): the text is required either way.
  body: z.string().trim().min(1, { message: "conversations.emptyMessage" }).max(1600, { message: "conversations.tooLong" }),
  attachmentIds: z.array(uuid).max(10).default([]),
  /** The text as written before translation (EDIT-12). */
  original: z.object({ body: z.string().max(1600), language: z.string().max(40) }).optional(),
});

export const assignSchema = z.object({
  to: z.string().regex(/^(user|team):[0-9a-f-]{36}$/, { message: "conversations.assigneeInvalid" }),
  conversationIds: z.array(uuid).max(1000).optional(),
  /** "Select all": every conversation matching these filters. */
  filter: inboxFilterSchema.optional(),
});

export const setStatusSchema = z.object({ conversationId: uuid, status: z.enum(["open", "closed"]) });

export const loadInboxSchema = z.object({
  filter: inboxFilterSchema,
  cursor: z.object({ lastActivityAt: z.iso.datetime({ offset: true }), id: uuid }).nullable(),
});

export const startConversationSchema = z.object({ customerId: uuid });
export const findCustomersSchema = z.object({ query: z.string().trim().min(1).max(100) });

/** One inbox row as the list receives it (dates as ISO strings). */
export const inboxRowSchema = z.object({
  id: z.string(),
  status: z.enum(["open", "closed"]),
  lastActivityAt: z.string(),
  lastInboundAt: z.string().nullable(),
  preview: z.string().nullable(),
  direction: z.enum(["inbound", "outbound"]).nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeTeamId: z.string().nullable(),
  assigneeUserName: z.string().nullable(),
  assigneeUserAway: z.boolean().nullable(),
  assigneeTeamName: z.string().nullable(),
  unread: z.boolean(),
  unanswered: z.boolean(),
  firstName: z.string(),
  lastName: z.string(),
  mobile: z.string().nullable(),
});

export const inboxPageSchema = z.object({
  rows: z.array(inboxRowSchema),
  nextCursor: z.object({ lastActivityAt: z.string(), id: z.string() }).nullable(),
});
