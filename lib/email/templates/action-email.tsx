import { EmailButton, EmailLayout, EmailLinkLine, EmailMuted, EmailParagraph } from "./layout";

/** A short transactional email: a greeting line or two, one button, and what happens if it was not expected. */
export type ActionEmailContent = {
  locale: "fr" | "en";
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; href: string };
  note?: string;
};

export function ActionEmail({ locale, subject, heading, paragraphs, action, note }: ActionEmailContent) {
  return (
    <EmailLayout locale={locale} preview={subject} heading={heading}>
      {paragraphs.map((paragraph, index) => <EmailParagraph key={index}>{paragraph}</EmailParagraph>)}
      {action ? (
        <>
          <EmailButton href={action.href}>{action.label}</EmailButton>
          <EmailLinkLine href={action.href} />
        </>
      ) : null}
      {note ? <EmailMuted>{note}</EmailMuted> : null}
    </EmailLayout>
  );
}
