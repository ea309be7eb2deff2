import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { listOutboxEmails } from "@/db/queries/outbox";
import { memberships, users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { outboxMailer } from "@/lib/email/mailer";
import { localStorage } from "@/lib/files/storage";
import { sendSms } from "@/lib/messaging/send";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createCustomer, createUser, TEST_PASSWORD } from "@/tests/factories";
import { saveProfile, saveSignature } from "./actions";
import { confirmEmailChange, readProfilePhoto, requestEmailChange, setProfilePhoto } from "./profile";

const database = withTestDatabase();
const reload = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;

async function signedIn(values: Parameters<typeof createUser>[2] = {}) {
  const company = await createCompany(database.db, { timezone: "America/Toronto" });
  const user = await createUser(database.db, company.id, { name: "Alex Martin", language: "fr", ...values });
  return { company, user, context: contextFor(database.db, user, company.id) };
}

describe("the profile", () => {
  it("saves first and last name (shown joined), job title and the dealer-system id", async () => {
    const { user, company, context } = await signedIn();
    expect(await saveProfile.run(context, { firstName: " Marie-Ève ", lastName: "Bélanger", jobTitle: "Conseillère technique", externalId: "ADV-7" })).toEqual({ ok: true, data: null });
    expect(await reload(user.id)).toMatchObject({ firstName: "Marie-Ève", lastName: "Bélanger", name: "Marie-Ève Bélanger", jobTitle: "Conseillère technique" });
    const [membership] = await database.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(membership).toMatchObject({ companyId: company.id, externalId: "ADV-7" });
  });

  it("refuses an empty first name or an id a colleague has, and changes nothing", async () => {
    const { user, company, context } = await signedIn();
    expect(await saveProfile.run(context, { firstName: "  ", lastName: "", jobTitle: "", externalId: "" })).toMatchObject({ ok: false, fieldErrors: { firstName: ["profile.firstNameRequired"] } });
    const colleague = await createUser(database.db, company.id);
    await database.db.update(memberships).set({ externalId: "ADV-1" }).where(eq(memberships.userId, colleague.id));
    expect(await saveProfile.run(context, { firstName: "Alex", lastName: "", jobTitle: "", externalId: "ADV-1" })).toEqual({ ok: false, error: "api.users.externalIdTaken", values: { externalId: "ADV-1" } });
    expect((await reload(user.id)).name).toBe("Alex Martin");
  });
});

describe("the signature", () => {
  it("ends the texts the user sends by hand, exactly as saved; never an automation's", async () => {
    const { user, company, context } = await signedIn();
    const customer = await createCustomer(database.db, company.id);
    expect(await saveSignature.run(context, { enabled: "on", signature: "Alex, Garage Lavoie" })).toEqual({ ok: true, data: null });
    const manual = await sendSms(database.db, { companyId: company.id, customerId: customer.id, body: "Votre auto est prête.", category: "general", source: { kind: "manual" }, senderUserId: user.id }, { provider: localSmsProvider });
    expect(manual.ok && manual.message.body).toBe("Votre auto est prête.\n- Alex, Garage Lavoie");
    const automated = await sendSms(database.db, { companyId: company.id, customerId: customer.id, body: "Rappel", category: "general", source: { kind: "automation" }, senderUserId: user.id }, { provider: localSmsProvider });
    expect(automated.ok && automated.message.body).toBe("Rappel");
    // Empty: the profile name signs.
    await saveSignature.run(context, { enabled: true, signature: "" });
    const byName = await sendSms(database.db, { companyId: company.id, customerId: customer.id, body: "Merci!", category: "general", source: { kind: "manual" }, senderUserId: user.id }, { provider: localSmsProvider });
    expect(byName.ok && byName.message.body).toBe("Merci!\n- Alex Martin");
  });

  it("refuses a signature on two lines or too long", async () => {
    const { user, context } = await signedIn({ signature: "Alex" });
    expect(await saveSignature.run(context, { enabled: true, signature: "Alex\nGarage" })).toMatchObject({ ok: false, fieldErrors: { signature: ["profile.signatureOneLine"] } });
    expect(await saveSignature.run(context, { enabled: true, signature: "x".repeat(61) })).toMatchObject({ ok: false, fieldErrors: { signature: ["profile.signatureTooLong"] } });
    expect((await reload(user.id)).signature).toBe("Alex");
  });
});

describe("the photo", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "parley-photos-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("is cropped square and resized, replaces the previous one, and only colleagues see it", async () => {
    const storage = localStorage(root);
    const { user, company } = await signedIn();
    const wide = await sharp({ create: { width: 1200, height: 600, channels: 3, background: "#c0392b" } }).jpeg().toBuffer();
    const { photoUrl } = await setProfilePhoto(database.db, { companyId: company.id, userId: user.id }, wide, { storage });
    expect(photoUrl).toMatch(new RegExp(`^/api/users/${user.id}/photo\\?v=`));
    const stored = await readProfilePhoto(database.db, { companyId: company.id, userId: user.id }, { storage });
    expect(await sharp(stored!).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });

    const png = await sharp({ create: { width: 300, height: 500, channels: 4, background: "#2980b9" } }).png().toBuffer();
    await setProfilePhoto(database.db, { companyId: company.id, userId: user.id }, png, { storage });
    expect(await readdir(path.join(root, "users", user.id))).toHaveLength(1);

    const other = await createCompany(database.db);
    expect(await readProfilePhoto(database.db, { companyId: other.id, userId: user.id }, { storage })).toBeNull();
    await setProfilePhoto(database.db, { companyId: company.id, userId: user.id }, null, { storage });
    expect(await reload(user.id)).toMatchObject({ photoUrl: null, photoKey: null });
    expect(await readdir(path.join(root, "users", user.id))).toHaveLength(0);
  });

  it("refuses what is not an image, and an image too large", async () => {
    const storage = localStorage(root);
    const { user, company } = await signedIn();
    const scope = { companyId: company.id, userId: user.id };
    await expect(setProfilePhoto(database.db, scope, Buffer.from("%PDF-1.7 not a photo"), { storage })).rejects.toThrow("profile.photoType");
    await expect(setProfilePhoto(database.db, scope, Buffer.alloc(5 * 1024 * 1024 + 1, 0xff), { storage })).rejects.toThrow("profile.photoTooLarge");
    expect((await reload(user.id)).photoUrl).toBeNull();
  });
});

describe("changing the sign-in email", () => {
  const appUrl = "https://parley.example";
  const linkIn = (text: string) => text.match(/https:\/\/parley\.example\/confirm-email\/([\w-]+)/)![1]!;

  it("takes effect only from the new mailbox's link, once; the old address is told", async () => {
    const { user, company } = await signedIn({ language: "en", email: `alex-${Date.now()}@old.test` });
    const mailer = outboxMailer(database.db);
    const newEmail = `alex-${Date.now()}@new.test`;
    await requestEmailChange(database.db, { companyId: company.id, userId: user.id, newEmail, currentPassword: TEST_PASSWORD }, { mailer, appUrl });
    expect((await reload(user.id)).email).toBe(user.email);
    const [sent] = await listOutboxEmails(database.db, { limit: 1 });
    expect(sent).toMatchObject({ to: newEmail, subject: "Confirm your new Parley email" });
    const token = linkIn(sent!.text);

    expect(await confirmEmailChange(database.db, token, { mailer })).toEqual({ email: newEmail });
    expect((await reload(user.id)).email).toBe(newEmail);
    const [notice] = await listOutboxEmails(database.db, { limit: 1 });
    expect(notice).toMatchObject({ to: user.email, subject: "Your Parley email was changed" });
    expect((await checkCredentials({ email: newEmail, password: TEST_PASSWORD }, null)).ok).toBe(true);
    await expect(confirmEmailChange(database.db, token, { mailer })).rejects.toThrow("profile.emailLinkInvalid");
  });

  it("in French; refuses a wrong password, an address taken, an expired or replaced link", async () => {
    const { user, company } = await signedIn({ language: "fr" });
    const mailer = outboxMailer(database.db);
    const scope = { companyId: company.id, userId: user.id };
    const taken = await createUser(database.db, company.id);
    await expect(requestEmailChange(database.db, { ...scope, newEmail: "x@new.test", currentPassword: "wrong999" }, { mailer, appUrl })).rejects.toThrow("password.currentWrong");
    await expect(requestEmailChange(database.db, { ...scope, newEmail: taken.email, currentPassword: TEST_PASSWORD }, { mailer, appUrl })).rejects.toThrow("profile.emailTaken");

    const longAgo = new Date(Date.now() - 25 * 3_600_000);
    await requestEmailChange(database.db, { ...scope, newEmail: `old-${Date.now()}@new.test`, currentPassword: TEST_PASSWORD }, { mailer, appUrl, now: longAgo });
    const [expired] = await listOutboxEmails(database.db, { limit: 1 });
    expect(expired!.subject).toBe("Confirmez votre nouveau courriel Parley");
    await expect(confirmEmailChange(database.db, linkIn(expired!.text), { mailer })).rejects.toThrow("profile.emailLinkInvalid");

    await requestEmailChange(database.db, { ...scope, newEmail: `first-${Date.now()}@new.test`, currentPassword: TEST_PASSWORD }, { mailer, appUrl });
    const [first] = await listOutboxEmails(database.db, { limit: 1 });
    await requestEmailChange(database.db, { ...scope, newEmail: `second-${Date.now()}@new.test`, currentPassword: TEST_PASSWORD }, { mailer, appUrl });
    await expect(confirmEmailChange(database.db, linkIn(first!.text), { mailer })).rejects.toThrow("profile.emailLinkInvalid");
    expect((await reload(user.id)).email).toBe(user.email);
  });
});
