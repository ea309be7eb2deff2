import { eq } from "drizzle-orm";
import { companies, savedReplies } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createUser } from "@/tests/factories";
import { createSavedReply, deleteSavedReply, searchSavedReplies, setSavedReplyEditors, updateSavedReply } from "./actions";

const database = withTestDatabase();

async function setup() {
  const company = await createCompany(database.db);
  const admin = await createUser(database.db, company.id, { role: "admin" });
  const agent = await createUser(database.db, company.id);
  return { company, admin: contextFor(database.db, admin, company.id), agent: contextFor(database.db, agent, company.id) };
}

describe("saved replies (EDIT-4)", () => {
  it("are created, searched, edited and deleted for good by those allowed", async () => {
    const { admin, agent } = await setup();
    const created = await createSavedReply.run(admin, { title: "Véhicule prêt", body: 'Bonjour { customer.first_name | "" }, votre véhicule est prêt 🚗' });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : "";
    expect((await searchSavedReplies.run(agent, { query: "prêt" })).ok && (await searchSavedReplies.run(agent, { query: "prêt" }))).toMatchObject({ data: [{ id, title: "Véhicule prêt" }] });
    expect(await updateSavedReply.run(admin, { id, title: "Auto prête", body: "Votre auto est prête." })).toMatchObject({ ok: true, data: { title: "Auto prête" } });
    expect(await deleteSavedReply.run(admin, { id })).toEqual({ ok: true, data: { id } });
    expect(await database.db.select().from(savedReplies).where(eq(savedReplies.id, id))).toEqual([]);
  });

  it("can be edited by agents only when the company allows it", async () => {
    const { company, admin, agent } = await setup();
    expect(await createSavedReply.run(agent, { title: "A", body: "B" })).toEqual({ ok: false, error: "savedReplies.noPermission" });
    expect(await setSavedReplyEditors.run(agent, { role: "agent" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await setSavedReplyEditors.run(admin, { role: "agent" })).toEqual({ ok: true, data: { role: "agent" } });
    const [saved] = await database.db.select().from(companies).where(eq(companies.id, company.id));
    expect(saved!.savedReplyEditorsRole).toBe("agent");
    expect((await createSavedReply.run(agent, { title: "A", body: "B" })).ok).toBe(true);
  });

  it("refuses unknown attributes, broken syntax, empty fields and another company's replies", async () => {
    const { admin } = await setup();
    expect(await createSavedReply.run(admin, { title: "X", body: "Bonjour { client.prenom }" })).toEqual({
      ok: false,
      error: "templates.unknownAttributes",
      values: { names: "client.prenom", count: 1 },
    });
    expect(await createSavedReply.run(admin, { title: "X", body: "Bonjour { customer.first_name | oups }" })).toMatchObject({ ok: false, error: "templates.syntax" });
    expect(await createSavedReply.run(admin, { title: "", body: "" })).toMatchObject({ ok: false, fieldErrors: { title: ["savedReplies.titleRequired"], body: ["savedReplies.bodyRequired"] } });
    const other = await setup();
    const theirs = await createSavedReply.run(other.admin, { title: "Leur", body: "Texte" });
    const theirId = theirs.ok ? theirs.data.id : "";
    expect(await updateSavedReply.run(admin, { id: theirId, title: "Pris", body: "Texte" })).toEqual({ ok: false, error: "errors.notFound" });
    expect(await deleteSavedReply.run(admin, { id: theirId })).toEqual({ ok: false, error: "errors.notFound" });
    expect((await searchSavedReplies.run(admin, { query: "Leur" })).ok && (await searchSavedReplies.run(admin, { query: "Leur" }))).toMatchObject({ data: [] });
  });
});
