import "server-only";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { getDb, type Db } from "@/db/client";
import { findOutboxEmail, insertOutboxEmail, listOutboxEmails } from "@/db/queries/outbox";
import type { OutboxAttachment } from "@/db/schema";
import { defaultStorage, type FileStorage } from "@/lib/files/storage";
import { env } from "@/lib/env";

export type EmailAttachment = { fileName: string; contentType: string; content: Buffer };

export type Email = { to: string; subject: string; text: string; html?: string; attachments?: EmailAttachment[]; headers?: Record<string, string> };

export type Mailer = { transport: "smtp" | "outbox"; send: (email: Email) => Promise<void> };

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    transport: "smtp",
    async send({ attachments, ...email }) {
      await transporter.sendMail({
        from,
        ...email,
        attachments: attachments?.map((file) => ({ filename: file.fileName, contentType: file.contentType, content: file.content })),
      });
    },
  };
}

/** Keeps mail in the database when no SMTP server is configured (read at /dev/outbox); attached files go to file storage. */
export function outboxMailer(db?: Db, storage?: FileStorage): Mailer {
  return {
    transport: "outbox",
    async send({ attachments = [], ...email }) {
      const files = storage ?? defaultStorage();
      const stored: OutboxAttachment[] = [];
      for (const file of attachments) {
        const storageKey = `outbox/${randomUUID()}`;
        await files.put(storageKey, file.content, file.contentType);
        stored.push({ fileName: file.fileName, contentType: file.contentType, sizeBytes: file.content.length, storageKey });
      }
      await insertOutboxEmail(db ?? (await getDb()), { to: email.to, subject: email.subject, text: email.text, html: email.html ?? null, attachments: stored, headers: email.headers ?? {} });
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

/** An outbox email's attached file, for /dev/outbox to download. */
export async function outboxAttachment(db: Db, { emailId, index }: { emailId: string; index: number }) {
  const email = await findOutboxEmail(db, { emailId });
  return email?.attachments[index];
}
