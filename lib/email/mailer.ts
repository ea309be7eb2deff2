import "server-only";
import nodemailer from "nodemailer";
import { getDb, type Db } from "@/db/client";
import { insertOutboxEmail, listOutboxEmails } from "@/db/queries/outbox";
import { env } from "@/lib/env";

export type Email = { to: string; subject: string; text: string; html?: string };

export type Mailer = { transport: "smtp" | "outbox"; send: (email: Email) => Promise<void> };

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    transport: "smtp",
    async send(email) {
      await transporter.sendMail({ from, ...email });
    },
  };
}

/** Keeps mail in the database when no SMTP server is configured (read at /dev/outbox). */
export function outboxMailer(db?: Db): Mailer {
  return {
    transport: "outbox",
    async send(email) {
      await insertOutboxEmail(db ?? (await getDb()), { to: email.to, subject: email.subject, text: email.text, html: email.html ?? null });
    },
  };
}

let configured: Mailer | undefined;

/** The mailer chosen by configuration: SMTP_URL set → SMTP, else the local outbox. */
export function defaultMailer(): Mailer {
  const config = env();
  configured ??= config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : outboxMailer();
  return configured;
}

export async function listOutbox(db: Db, limit = 50) {
  return listOutboxEmails(db, { limit });
}
