import { renderActionEmail } from "./render";

describe("renderActionEmail", () => {
  it("gives an HTML part in the reader's language and a plain-text part with the link once", async () => {
    const link = "https://parley.example/invite/abc";
    const { subject, html, text } = await renderActionEmail({
      locale: "fr",
      subject: "Claire vous invite",
      heading: "Rejoignez Garage A&B sur Parley",
      paragraphs: ["Claire vous invite à rejoindre Garage A&B."],
      action: { label: "Accepter l’invitation", href: link },
      note: "Le lien expire dans 7 jours.",
    });
    expect(subject).toBe("Claire vous invite");
    expect(html).toContain('lang="fr"');
    expect(html).toContain(`href="${link}"`);
    expect(html).toContain("Garage A&amp;B");
    expect(text).toContain("Rejoignez Garage A&B sur Parley");
    expect(text).toContain("Le lien expire dans 7 jours.");
    expect(text.split(link)).toHaveLength(2);
  });
});
