import { boolean, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_columns";

export type Locale = "fr" | "en";

/** Open hours of one ISO weekday (1 = Monday … 7 = Sunday), local "HH:MM" times, open before close. */
export type BusinessHoursDay = { day: number; open: string; close: string };

export type ReviewLink = { label: string; url: string };

export const companies = pgTable(
  "companies",
  {
    id: id(),
    name: text().notNull(),
    timezone: text().notNull().default("America/Toronto"),
    locale: text().$type<Locale>().notNull().default("fr"),
    currency: text().notNull().default("CAD"),
    countryCode: text().notNull().default("CA"),
    /** E.164 number customers text; inbound webhooks find the company by it. */
    senderNumber: text(),
    /** Inactive open conversations close after this many days (1–15); null = off. */
    autoCloseDays: integer(),
    unansweredAfterHours: integer().notNull().default(4),
    /** Marketing messages are held between these local times ("HH:MM"). */
    quietHoursStart: text().notNull().default("21:00"),
    quietHoursEnd: text().notNull().default("08:00"),
    helpText: text(),
    defaultAssigneeUserId: uuid(),
    defaultAssigneeTeamId: uuid(),
    savedReplyEditorsRole: text().$type<"admin" | "agent">().notNull().default("admin"),
    reviewLinks: jsonb().$type<ReviewLink[]>().notNull().default([]),
    weeklyReportEnabled: boolean().notNull().default(true),
    /** Days the company is open and their hours; a day absent is closed. Null: not set, every hour counts. */
    businessHours: jsonb().$type<BusinessHoursDay[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("companies_sender_number_idx").on(t.senderNumber)],
);

/** The owning company of a tenant row; deleting a company deletes its data. */
export const companyRef = () =>
  uuid()
    .notNull()
    .references(() => companies.id, { onDelete: "cascade" });
