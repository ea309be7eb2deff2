import { notes } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { customerPanel } from "./customers";
import { listThreadNotes } from "./inbox";

const database = withTestDatabase();

describe("note authors", () => {
  it("come with their photo in the thread and the customer panel, in the notes' own query", async () => {
    const db = database.db;
    const company = await createCompany(db);
    const withPhoto = await createUser(db, company.id, { name: "Annie Roy", photoUrl: "/api/users/annie/photo?v=2" });
    const without = await createUser(db, company.id, { name: "Marc Ouellet" });
    const customer = await createCustomer(db, company.id);
    const conversation = await createConversation(db, company.id, customer.id);
    for (const author of [withPhoto, without]) await db.insert(notes).values({ companyId: company.id, customerId: customer.id, conversationId: conversation.id, authorUserId: author.id, body: `by ${author.name}` });

    const thread = await listThreadNotes(db, { companyId: company.id, conversationId: conversation.id });
    expect(thread.map((row) => [row.authorName, row.authorPhotoUrl])).toEqual([
      ["Annie Roy", "/api/users/annie/photo?v=2"],
      ["Marc Ouellet", null],
    ]);
    const panel = await customerPanel(db, { companyId: company.id, customerId: customer.id });
    expect(panel.recentNotes.map((note) => note.authorPhotoUrl).sort()).toEqual(["/api/users/annie/photo?v=2", null].sort());
  });
});
