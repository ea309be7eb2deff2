import { eq } from "drizzle-orm";
import { messages, notes, notifications } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createTeam, createUser } from "@/tests/factories";
import { addNote, deleteNote } from "./actions";

const database = withTestDatabase();

async function setup() {
  const db = database.db;
  const company = await createCompany(db);
  const alex = await createUser(db, company.id, { name: "Alex" });
  const sam = await createUser(db, company.id, { name: "Sam" });
  const kim = await createUser(db, company.id, { name: "Kim" });
  const owner = await createUser(db, company.id, { name: "Owner" });
  const admin = await createUser(db, company.id, { role: "admin" });
  const customer = await createCustomer(db, company.id);
  const conversation = await createConversation(db, company.id, customer.id, { assigneeUserId: owner.id });
  return { db, company, alex, sam, kim, owner, admin, customer, conversation };
}

const kindsFor = async (userId: string) => (await database.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind).sort();

describe("internal notes (EDIT-14)", () => {
  it("notifies mentioned users, every member of a mentioned team, and the assignee", async () => {
    const { db, company, alex, sam, kim, owner, conversation } = await setup();
    const team = await createTeam(db, company.id, [kim.id, alex.id]);
    const result = await addNote.run(contextFor(db, alex, company.id), {
      conversationId: conversation.id,
      body: "@Sam @Service peut-on rappeler ce client?",
      mentions: { userIds: [sam.id], teamIds: [team.id] },
    });
    expect(result.ok).toBe(true);
    expect(await kindsFor(sam.id)).toEqual(["conversation.mention"]);
    expect(await kindsFor(kim.id)).toEqual(["conversation.mention"]);
    expect(await kindsFor(alex.id)).toEqual([]);
    expect(await kindsFor(owner.id)).toEqual(["conversation.new_note"]);
  });

  it("mentions the author of the note being answered", async () => {
    const { db, company, alex, sam, conversation } = await setup();
    const first = await addNote.run(contextFor(db, alex, company.id), { conversationId: conversation.id, body: "Qui s'en occupe?" });
    const reply = await addNote.run(contextFor(db, sam, company.id), { conversationId: conversation.id, body: "Moi", replyToNoteId: first.ok ? first.data.id : "" });
    expect(reply.ok).toBe(true);
    const [saved] = await db.select().from(notes).where(eq(notes.id, reply.ok ? reply.data.id : ""));
    expect(saved!.mentions.userIds).toEqual([alex.id]);
    expect(await kindsFor(alex.id)).toContain("conversation.mention");
  });

  it("is never sent to the customer: no message, whatever the note says", async () => {
    const { db, company, alex, customer, conversation } = await setup();
    await addNote.run(contextFor(db, alex, company.id), { conversationId: conversation.id, body: "Client difficile, ne pas lui écrire avant lundi." });
    await addNote.run(contextFor(db, alex, company.id), { customerId: customer.id, body: "Préfère être contacté le matin." });
    expect(await db.select().from(messages).where(eq(messages.customerId, customer.id))).toEqual([]);
    expect(await db.select().from(notes).where(eq(notes.customerId, customer.id))).toHaveLength(2);
  });

  it("works for a customer without a mobile number (CONV-12)", async () => {
    const { db, company, alex } = await setup();
    const noMobile = await createCustomer(db, company.id, { mobile: null });
    expect((await addNote.run(contextFor(db, alex, company.id), { customerId: noMobile.id, body: "Plus de cellulaire : appeler à la maison." })).ok).toBe(true);
  });

  it("refuses bad input, strangers as mentions and another company's conversation", async () => {
    const { db, company, alex, conversation } = await setup();
    const context = contextFor(db, alex, company.id);
    expect(await addNote.run(context, { conversationId: conversation.id, body: " " })).toMatchObject({ ok: false, fieldErrors: { body: ["notes.bodyRequired"] } });
    expect(await addNote.run(context, { body: "nowhere" })).toMatchObject({ ok: false, error: "errors.invalidInput" });
    const other = await setup();
    expect(await addNote.run(context, { conversationId: other.conversation.id, body: "Hop" })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await addNote.run(context, { conversationId: conversation.id, body: "Hop", mentions: { userIds: [other.alex.id], teamIds: [] } })).toEqual({ ok: false, error: "notes.mentionInvalid" });
    expect(await db.select().from(notes).where(eq(notes.conversationId, other.conversation.id))).toEqual([]);
  });

  it("can be deleted by its author or an admin, not by others", async () => {
    const { db, company, alex, sam, admin, conversation } = await setup();
    const one = await addNote.run(contextFor(db, alex, company.id), { conversationId: conversation.id, body: "À supprimer" });
    const id = one.ok ? one.data.id : "";
    expect(await deleteNote.run(contextFor(db, sam, company.id), { id })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await deleteNote.run(contextFor(db, admin, company.id), { id })).toEqual({ ok: true, data: { id } });
    expect(await db.select().from(notes).where(eq(notes.id, id))).toEqual([]);
  });
});
