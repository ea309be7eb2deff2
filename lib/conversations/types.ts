import type { customerPanel } from "@/db/queries/customers";
import type { listAssignmentHistory, listThreadMessages, listThreadNotes } from "@/db/queries/inbox";
import type { z } from "zod";
import type { attachments, conversations, customers, paymentRequests } from "@/db/schema";
import type { inboxRowSchema } from "./validation";

/** Types the conversation pages and components share; db/ stays behind lib/. */
export type Conversation = typeof conversations.$inferSelect;
/** One inbox row as the list receives it (dates as ISO strings). */
export type InboxListRow = z.output<typeof inboxRowSchema>;

export type ThreadMessage = Awaited<ReturnType<typeof listThreadMessages>>["rows"][number];
export type ThreadAssignment = Awaited<ReturnType<typeof listAssignmentHistory>>[number];
export type ThreadNote = Awaited<ReturnType<typeof listThreadNotes>>[number];
export type ThreadAttachment = typeof attachments.$inferSelect;
/** A payment request shown as a card on the message that carried it (EDIT-6). */
export type ThreadPayment = typeof paymentRequests.$inferSelect;

/** The customer beside the conversation, and what their panel shows. */
export type PanelCustomer = typeof customers.$inferSelect;
export type CustomerPanelData = Awaited<ReturnType<typeof customerPanel>>;

/** A file shown on a message or note of the thread. */
export type ThreadFile = { id: string; fileName: string; contentType: string; sizeBytes: number };
