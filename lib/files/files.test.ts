import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { attachments, notes } from "@/db/schema";
import { sendSms } from "@/lib/messaging/send";
import type { SmsProvider } from "@/lib/messaging/sms/provider";
import { withTestDatabase } from "@/tests/db";
import { createCompany, createCustomer, createUser } from "@/tests/factories";
import { startFakeS3 } from "@/tests/fakes/s3";
import { attachUploads, storeUpload } from "./files";
import { defaultStorage, localStorage, s3Storage } from "./storage";
import { GET as publicFile } from "@/app/f/[token]/file/route";

const database = withTestDatabase();
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c636000000000050001a5f645400000000049454e44ae426082", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
let storage: ReturnType<typeof localStorage>;

beforeAll(async () => {
  storage = localStorage(await mkdtemp(path.join(tmpdir(), "parley-files-")));
});

async function setup() {
  const company = await createCompany(database.db);
  const user = await createUser(database.db, company.id);
  const customer = await createCustomer(database.db, company.id);
  const upload = (fileName: string, body: Buffer, declaredType = "application/octet-stream", maxBytes = 1024 * 1024) =>
    storeUpload(database.db, { companyId: company.id, userId: user.id, fileName, declaredType, body }, { storage, maxBytes });
  return { company, user, customer, upload };
}

describe("uploads", () => {
  it("checks the real type from the bytes, not the name or the declared type", async () => {
    const { upload } = await setup();
    const photo = await upload("photo.jpg", PNG, "image/jpeg");
    expect(photo).toMatchObject({ contentType: "image/png", fileName: "photo.jpg", sizeBytes: PNG.length });
    expect(await storage.get(photo.storageKey)).toEqual(PNG);
    expect((await upload("devis.pdf", PDF)).contentType).toBe("application/pdf");
    expect((await upload("notes.txt", Buffer.from("Pneus: 4 x 215/60R16"), "text/plain")).contentType).toBe("text/plain");
  });

  it("refuses executables, disguised files, empty and oversized files", async () => {
    const { upload } = await setup();
    const exe = Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000", "hex"), Buffer.alloc(64)]);
    await expect(upload("invoice.pdf", exe, "application/pdf")).rejects.toThrow("files.typeNotAllowed");
    await expect(upload("fake.png", Buffer.from("not an image at all"), "image/png")).rejects.toThrow("files.typeNotAllowed");
    await expect(upload("empty.txt", Buffer.alloc(0), "text/plain")).rejects.toThrow("files.empty");
    await expect(upload("big.png", PNG, "image/png", 10)).rejects.toThrow("files.tooLarge");
  });

  it("gives files to one message only, and never another company's files", async () => {
    const { company, customer, upload } = await setup();
    const file = await upload("photo.png", PNG);
    const other = await setup();
    await expect(
      database.db.transaction((tx) => attachUploads(tx, { companyId: other.company.id, customerId: other.customer.id, attachmentIds: [file.id], owner: { noteId: crypto.randomUUID() } })),
    ).rejects.toThrow("files.notAvailable");
    const [note] = await database.db.insert(notes).values({ companyId: company.id, customerId: customer.id, body: "photo" }).returning();
    await attachUploads(database.db, { companyId: company.id, customerId: customer.id, attachmentIds: [file.id], owner: { noteId: note!.id } });
    await expect(attachUploads(database.db, { companyId: company.id, customerId: customer.id, attachmentIds: [file.id], owner: { noteId: note!.id } })).rejects.toThrow("files.notAvailable");
  });

  it("sends a file as a link to a public page the customer can open, and nobody can guess", async () => {
    const { company, customer, user, upload } = await setup();
    const file = await upload("inspection.png", PNG);
    const texts: string[] = [];
    const provider: SmsProvider = { name: "local", send: async (sms) => (texts.push(sms.text), { providerMessageId: crypto.randomUUID() }) };
    const result = await sendSms(
      database.db,
      { companyId: company.id, customerId: customer.id, body: "Voici la photo", category: "general", source: { kind: "manual" }, senderUserId: user.id, attachmentIds: [file.id] },
      { provider },
    );
    expect(result.ok).toBe(true);
    const [attached] = await database.db.select().from(attachments).where(eq(attachments.id, file.id));
    expect(attached!.messageId).toBe(result.ok ? result.message.id : null);
    const link = texts[0]!.split("\n").find((line) => line.includes("/f/"))!;
    expect(link).toBe(`http://localhost:3000/f/${attached!.publicToken}`);
    expect(result.ok && result.message.body).not.toContain("/f/");
    expect(attached!.publicToken.length).toBeGreaterThanOrEqual(32);
  });
});

describe("the public file link", () => {
  it("serves the file by its token and answers 404 to anything else", async () => {
    const { company, customer, user } = await setup();
    // The public route reads from the configured storage.
    const file = await storeUpload(database.db, { companyId: company.id, userId: user.id, fileName: "photo.png", declaredType: "image/png", body: PNG }, { storage: defaultStorage(), maxBytes: 1024 * 1024 });
    await sendSms(
      database.db,
      { companyId: company.id, customerId: customer.id, body: "Photo", category: "general", source: { kind: "manual" }, senderUserId: user.id, attachmentIds: [file.id] },
      { provider: { name: "local", send: async () => ({ providerMessageId: crypto.randomUUID() }) } },
    );
    const response = await publicFile(new Request(`http://localhost/f/${file.publicToken}/file`), { params: Promise.resolve({ token: file.publicToken }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    const missing = await publicFile(new Request("http://localhost/f/x/file"), { params: Promise.resolve({ token: "A".repeat(32) }) });
    expect(missing.status).toBe(404);
  });

  it("keeps a file nobody sent private", async () => {
    const { upload } = await setup();
    const draft = await upload("draft.png", PNG);
    const response = await publicFile(new Request("http://localhost/"), { params: Promise.resolve({ token: draft.publicToken }) });
    expect(response.status).toBe(404);
  });
});

describe("S3-compatible storage", () => {
  it("puts, gets and deletes objects through the AWS SDK", async () => {
    const s3 = await startFakeS3();
    try {
      const bucket = s3Storage({ bucket: "parley", region: "us-east-1", endpoint: s3.endpoint, accessKeyId: "key", secretAccessKey: "secret" });
      await bucket.put("company/file-1", PNG, "image/png");
      expect(s3.objects.get("/parley/company/file-1")?.contentType).toBe("image/png");
      expect(await bucket.get("company/file-1")).toEqual(PNG);
      await bucket.delete("company/file-1");
      expect(await bucket.get("company/file-1")).toBeNull();
    } finally {
      await s3.close();
    }
  });
});
