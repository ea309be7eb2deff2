import { eq } from "drizzle-orm";
import { messages, notifications, reviews } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { createReviewRequest } from "./actions";
import { submitReview } from "./reviews";

const database = withTestDatabase();

async function setup(language: "fr" | "en" = "en") {
  const db = database.db;
  const company = await createCompany(db, { reviewLinks: [{ label: "Google", url: "https://g.page/r/example/review" }] });
  const agent = await createUser(db, company.id);
  const admin = await createUser(db, company.id, { role: "admin" });
  const customer = await createCustomer(db, company.id, { language });
  const conversation = await createConversation(db, company.id, customer.id);
  return { db, company, agent, admin, customer, conversation, context: contextFor(db, agent, company.id) };
}

describe("review requests (EDIT-10)", () => {
  it("texts a link in the customer's language, records the review once and notifies", async () => {
    const s = await setup("fr");
    const result = await createReviewRequest.run(s.context, { conversationId: s.conversation.id });
    expect(result.ok).toBe(true);
    const token = result.ok ? result.data.token : "";
    const [message] = await s.db.select().from(messages).where(eq(messages.customerId, s.customer.id));
    expect(message!.body).toContain("Merci de votre visite");
    expect(message!.body).toContain(`http://localhost:3000/r/${token}`);

    const first = await submitReview(s.db, { token, rating: 5, comment: "Service impeccable" });
    expect(first).toMatchObject({ alreadySubmitted: false, review: { rating: 5, comment: "Service impeccable" } });
    const again = await submitReview(s.db, { token, rating: 1, comment: "changé d'avis" });
    expect(again).toMatchObject({ alreadySubmitted: true, review: { rating: 5 } });
    const [saved] = await s.db.select().from(reviews).where(eq(reviews.publicToken, token));
    expect(saved).toMatchObject({ rating: 5, customerId: s.customer.id });
    for (const user of [s.agent, s.admin]) {
      const kinds = (await s.db.select().from(notifications).where(eq(notifications.userId, user.id))).map((n) => n.kind);
      expect(kinds).toEqual(["review.new"]);
    }
  });

  it("refuses an unknown token and another company's conversation", async () => {
    const s = await setup();
    await expect(submitReview(s.db, { token: "AAAAAAAAAAAAAAAAAAAA", rating: 4, comment: "" })).rejects.toThrow("errors.notFound");
    const other = await setup();
    expect(await createReviewRequest.run(s.context, { conversationId: other.conversation.id })).toEqual({ ok: false, error: "errors.notFound" });
  });
});
