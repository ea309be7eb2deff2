import { eq } from "drizzle-orm";
import { outboxEmails, users } from "@/db/schema";
import { outboxMailer, smtpMailer } from "@/lib/email/mailer";
import { createCompany, createUser } from "@/tests/factories";
import { withTestDatabase } from "@/tests/db";
import { decodedBody, startSmtpServer } from "@/tests/fakes/smtp";
import { checkCredentials } from "./credentials";
import { isResetTokenUsable, requestPasswordReset, resetPassword } from "./password-reset";

const database = withTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const tokenIn = (text: string) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("forgot password", () => {
  it("emails a reset link over SMTP in the user's language, and the link sets a new password once", async () => {
    const company = await createCompany(database.db);
    const user = await createUser(database.db, company.id, { email: "reset-me@garage.test", language: "fr", name: "Hélène" });
    const mailer = smtpMailer(smtp.url, "Parley <no-reply@parley.test>");

    await requestPasswordReset(database.db, "RESET-ME@garage.test", { mailer, appUrl: "https://parley.example" });

    const mail = smtp.received.find((m) => m.to.includes("reset-me@garage.test"));
    expect(mail).toBeDefined();
    const body = decodedBody(mail!.raw);
    expect(body).toContain("Bonjour Hélène");
    expect(body).toContain("https://parley.example/reset-password/");
    const token = tokenIn(body)!;
    expect(await isResetTokenUsable(database.db, token)).toBe(true);

    await resetPassword(database.db, { token, password: "nouveau42" });
    expect((await checkCredentials({ email: "reset-me@garage.test", password: "nouveau42" }, null)).ok).toBe(true);
    const [updated] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(updated!.passwordChangedAt).not.toBeNull();

    await expect(resetPassword(database.db, { token, password: "encore42" })).rejects.toThrow("errors.resetLinkInvalid");
    expect((await checkCredentials({ email: "reset-me@garage.test", password: "encore42" }, null)).ok).toBe(false);
  });

  it("refuses an expired link", async () => {
    const company = await createCompany(database.db);
    await createUser(database.db, company.id, { email: "late@garage.test" });
    const mailer = outboxMailer(database.db);
    const requestedAt = new Date(Date.now() - 2 * 60 * 60_000);
    await requestPasswordReset(database.db, "late@garage.test", { mailer, appUrl: "http://localhost:3000", now: requestedAt });
    const [mail] = await database.db.select().from(outboxEmails).where(eq(outboxEmails.to, "late@garage.test"));
    const token = tokenIn(mail!.text)!;
    expect(await isResetTokenUsable(database.db, token)).toBe(false);
    await expect(resetPassword(database.db, { token, password: "tardif42" })).rejects.toThrow("errors.resetLinkInvalid");
  });

  it("keeps mail in the local outbox when no SMTP server is configured, and only the newest link works", async () => {
    const company = await createCompany(database.db);
    await createUser(database.db, company.id, { email: "twice@garage.test", language: "en", name: "Ryan" });
    const mailer = outboxMailer(database.db);
    const first = new Date(Date.now() - 10 * 60_000);
    await requestPasswordReset(database.db, "twice@garage.test", { mailer, appUrl: "http://localhost:3000", now: first });
    await requestPasswordReset(database.db, "twice@garage.test", { mailer, appUrl: "http://localhost:3000" });
    const mails = await database.db.select().from(outboxEmails).where(eq(outboxEmails.to, "twice@garage.test"));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe("Reset your Parley password");
    const [older, newer] = mails.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((m) => tokenIn(m.text)!);
    expect(await isResetTokenUsable(database.db, older!)).toBe(false);
    expect(await isResetTokenUsable(database.db, newer!)).toBe(true);
  });

  it("sends nothing for an unknown address, and at most one email a minute", async () => {
    const company = await createCompany(database.db);
    await createUser(database.db, company.id, { email: "spam@garage.test" });
    const before = smtp.received.length;
    const mailer = smtpMailer(smtp.url, "Parley <no-reply@parley.test>");
    await requestPasswordReset(database.db, "ghost@garage.test", { mailer, appUrl: "http://localhost:3000" });
    await requestPasswordReset(database.db, "spam@garage.test", { mailer, appUrl: "http://localhost:3000" });
    await requestPasswordReset(database.db, "spam@garage.test", { mailer, appUrl: "http://localhost:3000" });
    expect(smtp.received.length - before).toBe(1);
  });
});
