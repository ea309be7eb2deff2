import { and, eq } from "drizzle-orm";
import { countMyUnread, listAssignmentHistory, listInbox, type InboxFilter } from "@/db/queries/inbox";
import { assignmentEvents, companies, conversations, notifications, users } from "@/db/schema";
import { receiveSms } from "@/lib/messaging/inbound/process";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createTeam, createUser } from "@/tests/factories";
import { assign, findCustomersToMessage, loadInboxPage, sendReply, setStatus, startConversation } from "./actions";
import { autoCloseInactiveConversations } from "./auto-close";
import { markConversationRead, openConversation, unreadCountOnOpening } from "./read";

const database = withTestDatabase();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const filter = (values: Partial<InboxFilter> = {}): InboxFilter => ({ view: { kind: "all" }, status: "open", flags: [], ...values });

async function company() {
  const db = database.db;
  const row = await createCompany(db);
  const admin = await createUser(db, row.id, { role: "admin", name: "Admin" });
  const alex = await createUser(db, row.id, { name: "Alex" });
  const sam = await createUser(db, row.id, { name: "Sam" });
  return { db, company: row, admin, alex, sam };
}

async function conversationWith(db: typeof database.db, companyId: string, values: Parameters<typeof createConversation>[3] = {}) {
  const customer = await createCustomer(db, companyId);
  return createConversation(db, companyId, customer.id, values);
}

describe("the inbox list", () => {
  it("shows newest activity first and pages with a keyset cursor", async () => {
    const { db, company: c, alex } = await company();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await conversationWith(db, c.id, { lastActivityAt: minutesAgo(i * 10) }));
    const first = await listInbox(db, { companyId: c.id, userId: alex.id, filter: filter(), limit: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([made[0]!.id, made[1]!.id]);
    const second = await listInbox(db, { companyId: c.id, userId: alex.id, filter: filter(), cursor: first.nextCursor, limit: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([made[2]!.id, made[3]!.id]);
    const last = await loadInboxPage.run(contextFor(db, alex, c.id), { filter: { view: "all", status: "open", flags: [] }, cursor: second.nextCursor });
    expect(last.ok && last.data.rows.map((r) => r.id)).toEqual([made[4]!.id]);
    expect(last.ok && last.data.nextCursor).toBeNull();
  });

  it("filters open / closed / all and mine / a user / a team", async () => {
    const { db, company: c, alex, sam } = await company();
    const team = await createTeam(db, c.id, [alex.id]);
    const mine = await conversationWith(db, c.id, { assigneeUserId: alex.id });
    const teams = await conversationWith(db, c.id, { assigneeTeamId: team.id });
    const sams = await conversationWith(db, c.id, { assigneeUserId: sam.id });
    const closed = await conversationWith(db, c.id, { assigneeUserId: alex.id, status: "closed" });
    const ids = async (f: InboxFilter) => (await listInbox(db, { companyId: c.id, userId: alex.id, filter: f })).rows.map((r) => r.id).sort();
    expect(await ids(filter({ view: { kind: "mine" } }))).toEqual([mine.id, teams.id].sort());
    expect(await ids(filter({ view: { kind: "user", id: sam.id } }))).toEqual([sams.id]);
    expect(await ids(filter({ view: { kind: "team", id: team.id } }))).toEqual([teams.id]);
    expect(await ids(filter({ view: { kind: "mine" }, status: "closed" }))).toEqual([closed.id]);
    expect(await ids(filter({ view: { kind: "mine" }, status: "all" }))).toEqual([mine.id, teams.id, closed.id].sort());
  });

  it("combines read / unread / unanswered", async () => {
    const { db, company: c, alex } = await company();
    const unreadUnanswered = await conversationWith(db, c.id, { lastInboundAt: minutesAgo(5), assigneeUserId: alex.id });
    const readUnanswered = await conversationWith(db, c.id, { lastInboundAt: minutesAgo(10), assigneeReadAt: minutesAgo(4), assigneeUserId: alex.id });
    const answered = await conversationWith(db, c.id, { lastInboundAt: minutesAgo(20), lastOutboundAt: minutesAgo(15), assigneeReadAt: minutesAgo(16) });
    const ids = async (flags: InboxFilter["flags"]) => (await listInbox(db, { companyId: c.id, userId: alex.id, filter: filter({ flags }) })).rows.map((r) => r.id).sort();
    expect(await ids(["unread"])).toEqual([unreadUnanswered.id]);
    expect(await ids(["read"])).toEqual([readUnanswered.id, answered.id].sort());
    expect(await ids(["unanswered"])).toEqual([unreadUnanswered.id, readUnanswered.id].sort());
    expect(await ids(["unread", "unanswered"])).toEqual([unreadUnanswered.id, readUnanswered.id].sort());
    expect(await countMyUnread(db, { companyId: c.id, userId: alex.id })).toBe(1);
  });
});

describe("reading a conversation", () => {
  it("clears the assignee's unread mark only when the assignee (or a team member) opens it", async () => {
    const { db, company: c, admin, alex, sam } = await company();
    const team = await createTeam(db, c.id, [sam.id]);
    const personal = await conversationWith(db, c.id, { assigneeUserId: alex.id, lastInboundAt: minutesAgo(1) });
    const teamOne = await conversationWith(db, c.id, { assigneeTeamId: team.id, lastInboundAt: minutesAgo(1) });
    const unreadIds = async () =>
      (await listInbox(db, { companyId: c.id, userId: admin.id, filter: filter({ flags: ["unread"] }) })).rows.map((r) => r.id).sort();

    await markConversationRead(db, { companyId: c.id, userId: admin.id, conversation: personal });
    expect(await unreadIds()).toEqual([personal.id, teamOne.id].sort());
    await markConversationRead(db, { companyId: c.id, userId: alex.id, conversation: personal });
    await markConversationRead(db, { companyId: c.id, userId: sam.id, conversation: teamOne });
    expect(await unreadIds()).toEqual([]);
  });

  it("counts the conversation being opened as read in the badge and tab title, the count the page shows once it marked it, and opens nothing of another company", async () => {
    const { db, company: c, alex } = await company();
    const opened = await conversationWith(db, c.id, { assigneeUserId: alex.id, lastInboundAt: minutesAgo(2) });
    await conversationWith(db, c.id, { assigneeUserId: alex.id, lastInboundAt: minutesAgo(3) });
    expect(await unreadCountOnOpening(db, c.id, alex.id, undefined)).toBe(2);
    // The count alone writes nothing (a prefetch of the tab title does not read the conversation)…
    expect(await unreadCountOnOpening(db, c.id, alex.id, opened.id)).toBe(1);
    expect(await countMyUnread(db, { companyId: c.id, userId: alex.id })).toBe(2);
    // …and once the page opened it, the plain count agrees.
    expect(await openConversation(db, { companyId: c.id, userId: alex.id, conversationId: opened.id })).toMatchObject({ conversation: { id: opened.id } });
    expect(await countMyUnread(db, { companyId: c.id, userId: alex.id })).toBe(1);

    const other = await company();
    const theirs = await conversationWith(other.db, other.company.id, { assigneeUserId: other.alex.id, lastInboundAt: minutesAgo(1) });
    expect(await openConversation(db, { companyId: c.id, userId: alex.id, conversationId: theirs.id })).toBeUndefined();
    expect(await countMyUnread(db, { companyId: other.company.id, userId: other.alex.id })).toBe(1);
  });
});

describe("assigning", () => {
  it("reassigns, records the line and notifies the new assignee, who sees it unread", async () => {
    const { db, company: c, admin, alex, sam } = await company();
    const conversation = await conversationWith(db, c.id, { assigneeUserId: alex.id, lastInboundAt: minutesAgo(3), assigneeReadAt: minutesAgo(1) });
    const result = await assign.run(contextFor(db, alex, c.id), { to: `user:${sam.id}`, conversationIds: [conversation.id] });
    expect(result).toEqual({ ok: true, data: { assigned: 1 } });
    const [saved] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(saved).toMatchObject({ assigneeUserId: sam.id, assigneeReadAt: null });
    const history = await listAssignmentHistory(db, { companyId: c.id, conversationId: conversation.id });
    expect(history).toEqual([expect.objectContaining({ toUserName: "Sam", byUserName: "Alex", reason: "manual" })]);
    const notes = await db.select().from(notifications).where(eq(notifications.userId, sam.id));
    expect(notes.map((n) => n.kind)).toEqual(["conversation.assigned"]);
    const samsUnread = await listInbox(db, { companyId: c.id, userId: sam.id, filter: filter({ view: { kind: "mine" }, flags: ["unread"] }) });
    expect(samsUnread.rows.map((r) => r.id)).toEqual([conversation.id]);
    expect(await db.select().from(notifications).where(eq(notifications.userId, admin.id))).toEqual([]);
  });

  it("bulk-assigns the selected conversations, or every conversation matching the filters", async () => {
    const { db, company: c, alex, sam } = await company();
    const team = await createTeam(db, c.id, [sam.id]);
    const a = await conversationWith(db, c.id);
    const b = await conversationWith(db, c.id);
    const closed = await conversationWith(db, c.id, { status: "closed" });
    expect(await assign.run(contextFor(db, alex, c.id), { to: `team:${team.id}`, conversationIds: [a.id, b.id] })).toEqual({ ok: true, data: { assigned: 2 } });
    expect(await assign.run(contextFor(db, alex, c.id), { to: `user:${alex.id}`, filter: { view: "all", status: "open", flags: [] } })).toEqual({ ok: true, data: { assigned: 2 } });
    const rows = await db.select().from(conversations).where(eq(conversations.companyId, c.id));
    expect(rows.filter((r) => r.assigneeUserId === alex.id).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(rows.find((r) => r.id === closed.id)!.assigneeUserId).toBeNull();
    expect(await db.select().from(assignmentEvents).where(eq(assignmentEvents.conversationId, a.id))).toHaveLength(2);
  });

  it("refuses bad input and another company's users, teams or conversations", async () => {
    const { db, company: c, alex } = await company();
    const other = await createCompany(db);
    const stranger = await createUser(db, other.id);
    const strangersTeam = await createTeam(db, other.id);
    const theirs = await conversationWith(db, other.id, { assigneeUserId: stranger.id });
    const ours = await conversationWith(db, c.id);
    const context = contextFor(db, alex, c.id);
    expect(await assign.run(context, { to: "everyone", conversationIds: [ours.id] })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    expect(await assign.run(context, { to: `user:${stranger.id}`, conversationIds: [ours.id] })).toEqual({ ok: false, error: "conversations.assigneeInvalid" });
    expect(await assign.run(context, { to: `team:${strangersTeam.id}`, conversationIds: [ours.id] })).toEqual({ ok: false, error: "conversations.assigneeInvalid" });
    expect(await assign.run(context, { to: `user:${alex.id}`, conversationIds: [theirs.id] })).toEqual({ ok: true, data: { assigned: 0 } });
    const [untouched] = await db.select().from(conversations).where(eq(conversations.id, theirs.id));
    expect(untouched!.assigneeUserId).toBe(stranger.id);
  });
});

describe("replying and closing", () => {
  it("lets anyone reply without taking the conversation over, signed with their name", async () => {
    const { db, company: c, alex, sam } = await company();
    const conversation = await conversationWith(db, c.id, { assigneeUserId: alex.id });
    const result = await sendReply.run(contextFor(db, sam, c.id), { conversationId: conversation.id, body: "On s'en occupe." });
    expect(result.ok).toBe(true);
    const [saved] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(saved!.assigneeUserId).toBe(alex.id);
    expect(saved!.lastMessagePreview).toBe("On s'en occupe.\n- Sam");
  });

  it("explains why a reply cannot be sent, and rejects an empty one", async () => {
    const { db, company: c, alex } = await company();
    const customer = await createCustomer(db, c.id, { mobile: null });
    const conversation = await createConversation(db, c.id, customer.id);
    const context = contextFor(db, alex, c.id);
    expect(await sendReply.run(context, { conversationId: conversation.id, body: "Bonjour" })).toEqual({ ok: false, error: "sendRefusal.no_mobile" });
    expect(await sendReply.run(context, { conversationId: conversation.id, body: "   " })).toMatchObject({ ok: false, fieldErrors: { body: ["conversations.emptyMessage"] } });
    const other = await createCompany(db);
    const theirs = await conversationWith(db, other.id);
    expect(await sendReply.run(context, { conversationId: theirs.id, body: "Bonjour" })).toEqual({ ok: false, error: "errors.notFound" });
  });

  it("closes and reopens, never across companies", async () => {
    const { db, company: c, alex } = await company();
    const conversation = await conversationWith(db, c.id);
    const context = contextFor(db, alex, c.id);
    expect(await setStatus.run(context, { conversationId: conversation.id, status: "closed" })).toMatchObject({ ok: true, data: { status: "closed" } });
    expect(await setStatus.run(context, { conversationId: conversation.id, status: "open" })).toMatchObject({ ok: true, data: { status: "open" } });
    expect(await setStatus.run(context, { conversationId: conversation.id, status: "archived" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    const theirs = await conversationWith(db, (await createCompany(db)).id);
    expect(await setStatus.run(context, { conversationId: theirs.id, status: "closed" })).toEqual({ ok: false, error: "errors.notFound" });
  });
});

describe("auto-close (CONV-7)", () => {
  it("closes conversations inactive for the company's number of days, and leaves others alone", async () => {
    const { db, company: c } = await company();
    const off = await createCompany(db);
    await db.update(companies).set({ autoCloseDays: 3 }).where(eq(companies.id, c.id));
    const stale = await conversationWith(db, c.id, { lastActivityAt: minutesAgo(4 * 24 * 60) });
    const fresh = await conversationWith(db, c.id, { lastActivityAt: minutesAgo(2 * 24 * 60) });
    const staleButOff = await conversationWith(db, off.id, { lastActivityAt: minutesAgo(30 * 24 * 60) });
    await autoCloseInactiveConversations(db);
    const status = async (id: string) => (await db.select().from(conversations).where(eq(conversations.id, id)))[0]!.status;
    expect(await status(stale.id)).toBe("closed");
    expect(await status(fresh.id)).toBe("open");
    expect(await status(staleButOff.id)).toBe("open");
  });
});

describe("new conversations and away mode (USER-4)", () => {
  const inbound = (companyRow: { senderNumber: string | null }, from: string, id: string) =>
    receiveSms(database.db, { provider: "vonage", providerMessageId: id, from, to: companyRow.senderNumber!, text: "Bonjour", receivedAt: new Date() }, { provider: localSmsProvider });

  it("routes a new conversation of an away user to their delegate, but no further", async () => {
    const { db, company: c, alex, sam, admin } = await company();
    await db.update(companies).set({ defaultAssigneeUserId: alex.id }).where(eq(companies.id, c.id));
    await db.update(users).set({ awayEnabled: true, awayDelegateUserId: sam.id }).where(eq(users.id, alex.id));
    const first = await inbound(c, "+15145551111", "away-1");
    expect(first.status).toBe("stored");
    const [routed] = await db.select().from(conversations).where(eq(conversations.id, (first as { conversationId: string }).conversationId));
    expect(routed!.assigneeUserId).toBe(sam.id);
    const [line] = await db.select().from(assignmentEvents).where(and(eq(assignmentEvents.conversationId, routed!.id)));
    expect(line!.reason).toBe("away_delegate");

    // Sam is away too, delegating to the admin: the conversation still stays with Sam.
    await db.update(users).set({ awayEnabled: true, awayDelegateUserId: admin.id }).where(eq(users.id, sam.id));
    const second = await inbound(c, "+15145552222", "away-2");
    const [stays] = await db.select().from(conversations).where(eq(conversations.id, (second as { conversationId: string }).conversationId));
    expect(stays!.assigneeUserId).toBe(sam.id);
  });
});

describe("new message", () => {
  it("finds a customer and opens their conversation, starting one assigned to the writer", async () => {
    const { db, company: c, alex } = await company();
    const customer = await createCustomer(db, c.id, { firstName: "Noémie", lastName: "Parent" });
    const context = contextFor(db, alex, c.id);
    const found = await findCustomersToMessage.run(context, { query: "noemie" });
    expect(found.ok && found.data.map((f) => f.id)).toEqual([customer.id]);
    const started = await startConversation.run(context, { customerId: customer.id });
    expect(started.ok).toBe(true);
    const [conversation] = await db.select().from(conversations).where(eq(conversations.customerId, customer.id));
    expect(conversation).toMatchObject({ id: started.ok ? started.data.conversationId : "", assigneeUserId: alex.id, status: "open" });
    expect(await startConversation.run(context, { customerId: customer.id })).toEqual(started);
  });

  it("refuses another company's customer and empty searches", async () => {
    const { db, company: c, alex } = await company();
    const other = await createCompany(db);
    const theirs = await createCustomer(db, other.id, { firstName: "Secret" });
    const context = contextFor(db, alex, c.id);
    expect(await startConversation.run(context, { customerId: theirs.id })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await findCustomersToMessage.run(context, { query: "Secret" })).toEqual({ ok: true, data: [] });
    expect(await findCustomersToMessage.run(context, { query: "" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
  });

  it("refuses a customer without a mobile before creating any conversation", async () => {
    const { db, company: c, alex } = await company();
    const customer = await createCustomer(db, c.id, { mobile: null });
    const context = contextFor(db, alex, c.id);
    expect(await startConversation.run(context, { customerId: customer.id })).toEqual({ ok: false, error: "conversations.noMobile" });
    expect(await db.select().from(conversations).where(eq(conversations.customerId, customer.id))).toEqual([]);
  });
});
