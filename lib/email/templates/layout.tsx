import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** Brand colours of the app (app/globals.css), inlined because mail clients ignore stylesheets. */
const colours = { brand: "#2552eb", ink: "#0f172a", muted: "#64748b", line: "#e2e8f0", page: "#f1f5f9", quote: "#f8fafc" };

export type EmailFooter = {
  /** Why the person receives this email, e.g. "You receive this because you turned on email for assignments." */
  reason?: string;
  /** A link that stops this category of email (also sent as List-Unsubscribe). */
  unsubscribe?: { href: string; label: string };
};

/** The frame every Parley email shares: a preview line, a heading, the content, and a footer saying why it came. */
export function EmailLayout({ locale, preview, heading, children, footer }: {
  locale: "fr" | "en";
  preview: string;
  heading: string;
  children: ReactNode;
  footer?: EmailFooter;
}) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colours.page, fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: `1px solid ${colours.line}`, borderRadius: 12, maxWidth: 560, padding: "28px 32px" }}>
          <Text style={{ color: colours.brand, fontSize: 15, fontWeight: 700, letterSpacing: 0.2, margin: "0 0 20px" }}>Parley</Text>
          <Heading as="h1" style={{ color: colours.ink, fontSize: 20, lineHeight: "28px", margin: "0 0 16px" }}>{heading}</Heading>
          {children}
          {footer && (footer.reason || footer.unsubscribe) ? (
            <>
              <Hr style={{ borderColor: colours.line, margin: "28px 0 16px" }} />
              {footer.reason ? <Text style={{ color: colours.muted, fontSize: 12, lineHeight: "18px", margin: 0 }}>{footer.reason}</Text> : null}
              {footer.unsubscribe ? (
                <Text style={{ fontSize: 12, lineHeight: "18px", margin: "6px 0 0" }}>
                  <Link href={footer.unsubscribe.href} style={{ color: colours.muted, textDecoration: "underline" }}>{footer.unsubscribe.label}</Link>
                </Text>
              ) : null}
            </>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function EmailParagraph({ children }: { children: ReactNode }) {
  return <Text style={{ color: colours.ink, fontSize: 15, lineHeight: "24px", margin: "0 0 14px", whiteSpace: "pre-line" }}>{children}</Text>;
}

export function EmailMuted({ children }: { children: ReactNode }) {
  return <Text style={{ color: colours.muted, fontSize: 13, lineHeight: "20px", margin: "0 0 14px" }}>{children}</Text>;
}

/** A customer's or colleague's words, set apart from ours. */
export function EmailQuote({ author, children }: { author?: string; children: ReactNode }) {
  return (
    <Section style={{ backgroundColor: colours.quote, borderLeft: `3px solid ${colours.brand}`, borderRadius: 6, margin: "0 0 16px", padding: "10px 14px" }}>
      {author ? <Text style={{ color: colours.muted, fontSize: 12, fontWeight: 600, margin: "0 0 4px" }}>{author}</Text> : null}
      <Text style={{ color: colours.ink, fontSize: 15, lineHeight: "22px", margin: 0, whiteSpace: "pre-line" }}>{children}</Text>
    </Section>
  );
}

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Button href={href} style={{ backgroundColor: colours.brand, borderRadius: 8, color: "#ffffff", fontSize: 15, fontWeight: 600, padding: "11px 20px", textDecoration: "none" }}>
        {children}
      </Button>
    </Section>
  );
}

/** A plain link under a button, for clients that strip buttons and for copying. */
export function EmailLinkLine({ href }: { href: string }) {
  return (
    <Text className="link-line" style={{ color: colours.muted, fontSize: 12, lineHeight: "18px", margin: "0 0 14px", wordBreak: "break-all" }}>
      <Link href={href} style={{ color: colours.brand }}>{href}</Link>
    </Text>
  );
}
