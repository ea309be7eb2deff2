import { EmailButton, EmailLayout, EmailLinkLine, EmailMuted, EmailParagraph } from "@/lib/email/templates/layout";
import type { Translator } from "@/lib/i18n/translator";

export function InvitationEmail({ t, locale, values }: {
  t: Translator;
  locale: "fr" | "en";
  values: { company: string; inviter: string; link: string; days: number };
}) {
  return (
    <EmailLayout locale={locale} preview={t("email.invitation.subject", values)} heading={t("email.invitation.heading", values)}>
      <EmailParagraph>{t("email.invitation.body", values)}</EmailParagraph>
      <EmailButton href={values.link}>{t("email.invitation.action")}</EmailButton>
      <EmailLinkLine href={values.link} />
      <EmailMuted>{t("email.invitation.expiry", values)}</EmailMuted>
    </EmailLayout>
  );
}
