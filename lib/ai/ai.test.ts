import { eq } from "drizzle-orm";
import { messages } from "@/db/schema";
import { withTestDatabase } from "@/tests/db";
import { contextFor, createCompany, createConversation, createCustomer, createUser } from "@/tests/factories";
import { startFakeAnthropic } from "@/tests/fakes/anthropic";
import { improveDraft, spellcheckDraft, translateDraft, translateMessage } from "./actions";
import { anthropicClient, useAiClient } from "./client";
import { protectTokens } from "./writing";

const database = withTestDatabase();
let anthropic: Awaited<ReturnType<typeof startFakeAnthropic>>;
beforeAll(async () => {
  anthropic = await startFakeAnthropic();
  useAiClient(anthropicClient({ apiKey: "sk-test-key", baseURL: anthropic.baseURL, model: "claude-haiku-5-5" }));
});
afterAll(async () => {
  useAiClient(undefined);
  await anthropic.close();
});

async function context() {
  const company = await createCompany(database.db);
  const user = await createUser(database.db, company.id);
  return { company, user, context: contextFor(database.db, user, company.id) };
}

describe("AI writing help through the Anthropic SDK", () => {
  it("spellchecks with the configured key and model, keeping attribute tokens intact", async () => {
    const { context: ctx } = await context();
    anthropic.answerWith((call) => call.text.replace("tu vas", "vous allez").replace("Bonjour ⟦1⟧", "Bonjour ⟦1⟧,"));
    const result = await spellcheckDraft.run(ctx, { text: 'Bonjour { customer.first_name | "cher client" } comment tu vas' });
    expect(result).toEqual({ ok: true, data: { text: 'Bonjour { customer.first_name | "cher client" }, comment vous allez' } });
    const call = anthropic.calls.at(-1)!;
    expect(call.model).toBe("claude-haiku-5-5");
    expect(call.apiKey ?? call.authorization).toContain("sk-test-key");
    expect(call.text).toBe("Bonjour ⟦1⟧ comment tu vas");
    expect(call.system).toMatch(/spelling/i);
  });

  it("improves while keeping every token where the model put it", async () => {
    const { context: ctx } = await context();
    anthropic.answerWith(() => "Bonjour ⟦1⟧! Votre ⟦2⟧ est prête. À bientôt chez ⟦3⟧.");
    const result = await improveDraft.run(ctx, { text: "{ customer.first_name } ton { customer.vehicle_model } est pret { company.name }" });
    expect(result).toEqual({ ok: true, data: { text: "Bonjour { customer.first_name }! Votre { customer.vehicle_model } est prête. À bientôt chez { company.name }." } });
  });

  it("refuses an answer that lost a token, and a failing service, leaving the draft alone", async () => {
    const { context: ctx } = await context();
    anthropic.answerWith(() => "Bonjour! Votre voiture est prête.");
    expect(await improveDraft.run(ctx, { text: "Bonjour { customer.first_name }, prête" })).toEqual({ ok: false, error: "ai.tokensLost" });
    anthropic.answerWith(() => ({ status: 500, body: { type: "error", error: { type: "api_error", message: "boom" } } }));
    expect(await spellcheckDraft.run(ctx, { text: "Bonjour" })).toEqual({ ok: false, error: "ai.failed" });
  });

  it("says what to configure when there is no API key", async () => {
    const { context: ctx } = await context();
    useAiClient(null);
    try {
      expect(await spellcheckDraft.run(ctx, { text: "Bonjour" })).toEqual({ ok: false, error: "ai.notConfigured" });
    } finally {
      useAiClient(anthropicClient({ apiKey: "sk-test-key", baseURL: anthropic.baseURL, model: "claude-haiku-5-5" }));
    }
  });

  it("translates a saved reply after filling its attributes for the customer", async () => {
    const { company, user, context: ctx } = await context();
    const customer = await createCustomer(database.db, company.id, { firstName: "Hélène" });
    const conversation = await createConversation(database.db, company.id, customer.id);
    anthropic.answerWith((call) => call.text.replace("Bonjour", "Hello").replace("votre auto est prête", "your car is ready"));
    const result = await translateDraft.run(ctx, { text: "Bonjour { customer.first_name }, votre auto est prête", language: "English", fillForConversationId: conversation.id });
    expect(result).toEqual({ ok: true, data: { text: "Hello Hélène, your car is ready", original: "Bonjour Hélène, votre auto est prête" } });
    expect(anthropic.calls.at(-1)!.system).toMatch(/into English/);
    void user;
  });

  it("translates an incoming message on demand and keeps the translation with it", async () => {
    const { company, context: ctx } = await context();
    const customer = await createCustomer(database.db, company.id);
    const conversation = await createConversation(database.db, company.id, customer.id);
    const [message] = await database.db
      .insert(messages)
      .values({ companyId: company.id, conversationId: conversation.id, customerId: customer.id, direction: "inbound", body: "¿Está lista mi camioneta?", sourceKind: "customer", status: "received" })
      .returning();
    anthropic.answerWith(() => "Est-ce que mon camion est prêt?");
    expect(await translateMessage.run(ctx, { messageId: message!.id, language: "Français" })).toEqual({ ok: true, data: { text: "Est-ce que mon camion est prêt?", language: "Français" } });
    const [saved] = await database.db.select().from(messages).where(eq(messages.id, message!.id));
    expect(saved).toMatchObject({ body: "¿Está lista mi camioneta?", translatedBody: "Est-ce que mon camion est prêt?", translatedLanguage: "Français" });
    const other = await context();
    expect(await translateMessage.run(other.context, { messageId: message!.id, language: "English" })).toEqual({ ok: false, error: "errors.notFound" });
  });

  it("rejects empty text and a made-up language", async () => {
    const { context: ctx } = await context();
    expect(await spellcheckDraft.run(ctx, { text: "  " })).toMatchObject({ ok: false, fieldErrors: { text: ["ai.textRequired"] } });
    expect(await translateDraft.run(ctx, { text: "Bonjour", language: "<script>" })).toMatchObject({ ok: false, fieldErrors: { language: ["ai.languageRequired"] } });
  });
});

describe("protectTokens", () => {
  it("numbers tokens and puts them back in the model's order", () => {
    const { text, restore } = protectTokens('A { customer.name } B { company.name | "nous" }');
    expect(text).toBe("A ⟦1⟧ B ⟦2⟧");
    expect(restore("⟦2⟧ et ⟦1⟧")).toBe('{ company.name | "nous" } et { customer.name }');
    expect(() => restore("⟦1⟧ ⟦1⟧")).toThrow("ai.tokensLost");
  });
});
