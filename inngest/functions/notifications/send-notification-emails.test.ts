import { InngestTestEngine } from "@inngest/test";
import { listOutboxEmails } from "@/db/queries/outbox";
import { EMAIL_DIGEST_MINUTES } from "@/lib/notifications/email-digest";
import { recordNotifications } from "@/lib/notifications/notify";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { sweepFunctions } from "../sweeps";
import { sendNotificationEmails } from "./send-notification-emails";

const database = withTestDatabase();

async function waiting(count: number) {
  const db = database.db;
  const company = await createCompany(db);
  const agent = await createUser(db, company.id, { language: "en", notificationPreferences: { "conversations.assigned": { email: true } } });
  const customer = await createCustomer(db, company.id, { firstName: "Kevin", lastName: "Caron" });
  const conversation = await createConversation(db, company.id, customer.id);
  // Recorded without the in-process send, as with an Inngest engine.
  for (let i = 0; i < count; i++) {
    await recordNotifications(db, { companyId: company.id, userIds: [agent.id], kind: "conversation.assigned", data: { count: 1, conversationId: conversation.id }, link: `/conversations/${conversation.id}` });
  }
  return { company, agent };
}
const mailsTo = async (email: string) => (await listOutboxEmails(database.db, { limit: 100 })).filter((mail) => mail.to === email);

describe("send-notification-emails (Inngest)", () => {
  it("sends the digest due now, then sleeps to the end of the window for what came after", async () => {
    const { company, agent } = await waiting(1);
    const first = new InngestTestEngine({ function: sendNotificationEmails, events: [{ name: "notification/emails.queued", data: { companyId: company.id, userIds: [agent.id] } }] });
    await first.execute();
    expect(await mailsTo(agent.email)).toHaveLength(1);

    await recordNotifications(database.db, { companyId: company.id, userIds: [agent.id], kind: "conversation.assigned", data: { count: 2 }, link: "/conversations" });
    const second = new InngestTestEngine({
      function: sendNotificationEmails,
      events: [{ name: "notification/emails.queued", data: { companyId: company.id, userIds: [agent.id] } }],
      steps: [{ id: "digest-window", handler: () => undefined }],
    });
    const { result, ctx } = await second.execute();
    const [, until] = ctx.step.sleepUntil.mock.calls[0] as unknown as [string, Date];
    const sentAt = (await mailsTo(agent.email))[0]!.createdAt;
    expect(Math.abs(until.getTime() - (sentAt.getTime() + EMAIL_DIGEST_MINUTES * 60_000))).toBeLessThan(5_000);
    expect(result).toMatchObject({ now: { sent: 0 }, later: { sent: 1 } });
    const mails = await mailsTo(agent.email);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe("2 conversations were assigned to you");
  });

  it("the sweep runs the same body", async () => {
    const { agent } = await waiting(2);
    const sweep = sweepFunctions.find((fn) => fn.id() === "sweep-send-notification-emails")!;
    await new InngestTestEngine({ function: sweep }).execute();
    const mails = await mailsTo(agent.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("2 new notifications in Parley");
  });
});
