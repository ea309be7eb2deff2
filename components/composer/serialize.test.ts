import { renderTemplate } from "@/lib/templates/render";
import { docToTemplate, templateToDoc, tokenInsertion } from "./serialize";

describe("composer document ↔ template source", () => {
  it("round-trips text, lines, tokens with fallbacks and emoji", () => {
    const source = 'Bonjour { customer.first_name | "cher client" } 👋\nVotre { appointment.type } est le { appointment.start_at_date }.';
    const doc = templateToDoc(source);
    expect(doc.content).toHaveLength(2);
    expect(doc.content![0]!.content![1]).toEqual({ type: "attributeToken", attrs: { path: "customer.first_name", fallback: "cher client" } });
    expect(docToTemplate(doc).text).toBe(source);
  });

  it("keeps broken syntax as plain text instead of losing it", () => {
    expect(docToTemplate(templateToDoc("Prix {à confirmer}")).text).toBe("Prix {à confirmer}");
  });

  it("writes mentions as @names and collects who is mentioned", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "mention", attrs: { id: "user:11111111-1111-4111-8111-111111111111", label: "Sophie Lavoie" } },
            { type: "text", text: " et " },
            { type: "mention", attrs: { id: "team:22222222-2222-4222-8222-222222222222", label: "Service" } },
            { type: "text", text: " : à rappeler" },
          ],
        },
      ],
    };
    expect(docToTemplate(doc)).toEqual({
      text: "@Sophie Lavoie et @Service : à rappeler",
      mentions: { userIds: ["11111111-1111-4111-8111-111111111111"], teamIds: ["22222222-2222-4222-8222-222222222222"] },
    });
  });
});

describe("a picked attribute chip", () => {
  it("sends exactly the typed text: no hidden space before the punctuation that follows", () => {
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Bonjour " }, ...tokenInsertion("customer.first_name"), { type: "text", text: ", votre véhicule est prêt." }] }] };
    const { text } = docToTemplate(doc);
    expect(renderTemplate(text, () => "Marie")).toBe("Bonjour Marie, votre véhicule est prêt.");
  });
});
