import { CUSTOMER_APP_URL as APP_URL } from "@/tests/customer-app-url";
import { eq } from "drizzle-orm";
import { messages } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { withFakeStripe } from "@/tests/fakes/stripe";
import { publicFileUrl } from "@/lib/files/files";
import { env } from "@/lib/env";
import { createPaymentRequest } from "@/lib/payments/actions";
import { createReviewRequest } from "@/lib/reviews/actions";


const database = withTestDatabase();
withFakeStripe();

const links = (body: string) => body.match(/https?:\/\/\S+/g) ?? [];

describe("every link a customer receives comes from APP_URL", () => {
  it("review, payment and file links start with APP_URL", async () => {
    const db = database.db;
    expect(env().APP_URL.startsWith(APP_URL)).toBe(true);
    const company = await createCompany(db, { reviewLinks: [{ label: "Google", url: "https://g.page/r/example/review" }] });
    const agent = await createUser(db, company.id);
    const customer = await createCustomer(db, company.id, { firstName: "Julie", language: "fr" });
    const conversation = await createConversation(db, company.id, customer.id);
    const context = contextFor(db, agent, company.id);

    expect((await createReviewRequest.run(context, { conversationId: conversation.id })).ok).toBe(true);
    const payment = await createPaymentRequest.run(context, { conversationId: conversation.id, amount: "389,95 $", reference: "RO-1", body: "Votre facture." });
    expect(payment.ok).toBe(true);

    const sent = await db.select().from(messages).where(eq(messages.customerId, customer.id));
    const sentLinks = sent.flatMap((message) => links(message.body));
    expect(sentLinks).toHaveLength(2);
    for (const link of [...sentLinks, publicFileUrl(env().APP_URL, "token")]) expect(link.startsWith(`${APP_URL}/`)).toBe(true);
  });
});
