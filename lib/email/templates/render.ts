import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { ActionEmail, type ActionEmailContent } from "./action-email";
import { NotificationDigestEmail, type NotificationDigestContent } from "./notification-digest";

/** Renders one email element to the HTML and plain-text parts sent together (multipart/alternative). */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT })]);
  return { html, text };
}

/** Headings keep their case; the copy-this-link line repeats the button's address, which the text part already prints; data tables stay tables. */
const PLAIN_TEXT = {
  wordwrap: 100,
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "p.link-line", format: "skip" },
    // Tables of figures keep their columns in the text part (report emails).
    { selector: "table.data-table", format: "dataTable", options: { uppercaseHeaderCells: false, maxColumnWidth: 30 } },
  ],
};

/** The subject and both parts of a transactional email, ready for Mailer.send. */
export async function renderActionEmail(content: ActionEmailContent) {
  return { subject: content.subject, ...(await renderEmail(ActionEmail(content))) };
}

/** A notification digest's subject and both parts. */
export async function renderNotificationDigest(content: NotificationDigestContent) {
  return { subject: content.subject, ...(await renderEmail(NotificationDigestEmail(content))) };
}
