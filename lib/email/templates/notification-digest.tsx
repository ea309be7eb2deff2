import { EmailButton, EmailLayout, EmailMuted, EmailParagraph, EmailQuote } from "./layout";

export type DigestItem = { title: string; subject: string | null; quote: string | null; href: string; action: string };

/** The notifications of one digest window (USER-5): each names the customer, quotes their words and links to them. */
export type NotificationDigestContent = {
  locale: "fr" | "en";
  subject: string;
  heading: string;
  items: DigestItem[];
  more: string | null;
  reason: string;
  unsubscribe: { href: string; label: string };
};

export function NotificationDigestEmail({ locale, subject, heading, items, more, reason, unsubscribe }: NotificationDigestContent) {
  return (
    <EmailLayout locale={locale} preview={subject} heading={heading} footer={{ reason, unsubscribe }}>
      {items.map((item, index) => (
        <div key={index}>
          {items.length > 1 ? <EmailParagraph>{item.title}</EmailParagraph> : null}
          {item.quote ? <EmailQuote author={item.subject ?? undefined}>{item.quote}</EmailQuote> : item.subject ? <EmailParagraph>{item.subject}</EmailParagraph> : null}
          <EmailButton href={item.href}>{item.action}</EmailButton>
        </div>
      ))}
      {more ? <EmailMuted>{more}</EmailMuted> : null}
    </EmailLayout>
  );
}
