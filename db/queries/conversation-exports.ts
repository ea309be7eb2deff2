import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, gt, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversationExports, messages, notes, users } from "@/db/schema";

export type ConversationExportRow = typeof conversationExports.$inferSelect;

const STALE_CLAIM = "5 minutes";
/** The event or the in-process run gets the first go at a new export; the sweep waits this long. */
const SWEEP_GRACE = "30 seconds";

export async function insertConversationExport(
  db: Db,
  values: Pick<typeof conversationExports.$inferInsert, "companyId" | "conversationId" | "requestedByUserId" | "from" | "to" | "includeNotes">,
) {
  const [row] = await db.insert(conversationExports).values(values).returning();
  return row!;
}

export async function findConversationExport(db: Db, { companyId, exportId }: { companyId: string; exportId: string }) {
  const [row] = await db.select().from(conversationExports).where(and(eq(conversationExports.companyId, companyId), eq(conversationExports.id, exportId)));
  return row;
}

/** The user's latest export of the conversation: the dialog shows where it stands. */
export async function findLatestConversationExport(db: Db, { companyId, conversationId, userId }: { companyId: string; conversationId: string; userId: string }) {
  const [row] = await db
    .select()
    .from(conversationExports)
    .where(and(eq(conversationExports.companyId, companyId), eq(conversationExports.conversationId, conversationId), eq(conversationExports.requestedByUserId, userId)))
    .orderBy(desc(conversationExports.createdAt))
    .limit(1);
  return row;
}

const abandoned = () =>
  and(eq(conversationExports.status, "running"), or(isNull(conversationExports.claimedAt), lt(conversationExports.claimedAt, sql`now() - ${STALE_CLAIM}::interval`)));

/**
 * Takes a pending export (or one whose runner went quiet) for this runner. By id alone:
 * the runner gets the id from the event or the sweep, whatever its company.
 */
export async function claimConversationExport(db: Db, { exportId }: { exportId: string }) {
  const [row] = await db
    .update(conversationExports)
    .set({ status: "running", claimedAt: sql`now()` })
    .where(and(eq(conversationExports.id, exportId), or(eq(conversationExports.status, "pending"), abandoned())))
    .returning();
  return row;
}

export async function conversationExportStatus(db: Db, { exportId }: { exportId: string }) {
  const [row] = await db.select({ status: conversationExports.status }).from(conversationExports).where(eq(conversationExports.id, exportId));
  return row?.status;
}

export async function markConversationExportReady(
  db: Db,
  { companyId, exportId, pageCount, byteSize, storageKey }: { companyId: string; exportId: string; pageCount: number; byteSize: number; storageKey: string | null },
) {
  const [row] = await db
    .update(conversationExports)
    .set({ status: "ready", pageCount, byteSize, storageKey, finishedAt: sql`now()`, claimedAt: null })
    .where(and(eq(conversationExports.companyId, companyId), eq(conversationExports.id, exportId), eq(conversationExports.status, "running")))
    .returning();
  return row;
}

export async function failConversationExport(db: Db, { companyId, exportId, error }: { companyId: string; exportId: string; error: string }) {
  const [row] = await db
    .update(conversationExports)
    .set({ status: "failed", error, finishedAt: sql`now()`, claimedAt: null })
    .where(and(eq(conversationExports.companyId, companyId), eq(conversationExports.id, exportId), eq(conversationExports.status, "running")))
    .returning();
  return row;
}

/** Exports nothing picked up after a grace period, or whose runner stopped. */
export async function listStalledConversationExports(db: Db, { limit = 20 }: { limit?: number } = {}) {
  return db
    .select({ id: conversationExports.id })
    .from(conversationExports)
    .where(or(and(eq(conversationExports.status, "pending"), lt(conversationExports.createdAt, sql`now() - ${SWEEP_GRACE}::interval`)), abandoned()))
    .orderBy(asc(conversationExports.createdAt))
    .limit(limit);
}

export type ExportRange = { from: Date | null; to: Date | null };
type Cursor = { createdAt: Date; id: string };

const sender = alias(users, "sender");
const author = alias(users, "author");

/** One keyset page of the conversation's messages in [from, to), oldest first, with the staff sender's name. */
export async function listExportMessages(
  db: Db,
  { companyId, conversationId, range, after, limit }: { companyId: string; conversationId: string; range: ExportRange; after: Cursor | null; limit: number },
) {
  return db
    .select({
      id: messages.id,
      createdAt: messages.createdAt,
      direction: messages.direction,
      body: messages.body,
      sourceKind: messages.sourceKind,
      status: messages.status,
      senderName: sender.name,
    })
    .from(messages)
    .leftJoin(sender, eq(sender.id, messages.senderUserId))
    .where(
      and(
        eq(messages.companyId, companyId),
        eq(messages.conversationId, conversationId),
        range.from ? gte(messages.createdAt, range.from) : undefined,
        range.to ? lt(messages.createdAt, range.to) : undefined,
        after ? or(gt(messages.createdAt, after.createdAt), and(eq(messages.createdAt, after.createdAt), gt(messages.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(limit);
}

/** The conversation's internal notes in [from, to), oldest first. */
export async function listExportNotes(db: Db, { companyId, conversationId, range }: { companyId: string; conversationId: string; range: ExportRange }) {
  return db
    .select({ id: notes.id, createdAt: notes.createdAt, body: notes.body, authorName: author.name })
    .from(notes)
    .leftJoin(author, eq(author.id, notes.authorUserId))
    .where(
      and(
        eq(notes.companyId, companyId),
        eq(notes.conversationId, conversationId),
        range.from ? gte(notes.createdAt, range.from) : undefined,
        range.to ? lt(notes.createdAt, range.to) : undefined,
      ),
    )
    .orderBy(asc(notes.createdAt), asc(notes.id));
}

/** A ready export's stored PDF, by id alone: its signed download link names no company. */
export async function findReadyExportFile(db: Db, { exportId }: { exportId: string }) {
  const [row] = await db
    .select({ storageKey: conversationExports.storageKey })
    .from(conversationExports)
    .where(and(eq(conversationExports.id, exportId), eq(conversationExports.status, "ready")));
  return row;
}
