import { date, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./_columns";
import { companyRef } from "./companies";
import { users } from "./users";

export type ReportEmailKind = "weekly_progress" | "daily_deposits";

/**
 * One report email to one user for one period, inserted before it is sent: the unique
 * index lets a second or concurrent run find the row taken and send nothing.
 */
export const reportEmails = pgTable(
  "report_emails",
  {
    id: id(),
    companyId: companyRef(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().$type<ReportEmailKind>().notNull(),
    /** First local day of the period reported (the Monday of the week, or the day). */
    periodStart: date({ mode: "string" }).notNull(),
    createdAt: createdAt(),
    sentAt: at(),
  },
  (t) => [uniqueIndex("report_emails_once_idx").on(t.companyId, t.userId, t.kind, t.periodStart)],
);
