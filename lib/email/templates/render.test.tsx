import { translatorFor } from "@/lib/i18n/translator";
import { InvitationEmail } from "@/lib/staff/invitation-email";
import { renderEmail } from "./render";

describe("renderEmail", () => {
  it("gives an HTML part in the reader's language and a plain-text part with the link once", async () => {
    const link = "https://parley.example/invite/abc";
    const { html, text } = await renderEmail(
      InvitationEmail({ t: translatorFor("fr"), locale: "fr", values: { company: "Garage A&B", inviter: "Claire", link, days: 7 } }),
    );
    expect(html).toContain('lang="fr"');
    expect(html).toContain(`href="${link}"`);
    expect(html).toContain("Garage A&amp;B");
    expect(text).toContain("Rejoignez Garage A&B sur Parley");
    expect(text).toContain("Le lien expire dans 7 jours");
    expect(text.split(link)).toHaveLength(2);
  });
});
