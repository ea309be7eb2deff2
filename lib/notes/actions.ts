"use server";

import { z } from "zod";
import { findConversation } from "@/db/queries/conversations";
import { findCustomer } from "@/db/queries/customers";
import { deleteNoteAttachments } from "@/db/queries/files";
import { deleteNoteRow, findNote, insertNote, type NoteRow } from "@/db/queries/notes";
import { listCompanyUsers, listTeamMemberIds, listTeams } from "@/db/queries/users";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { can } from "@/lib/auth/permissions";
import { attachUploads } from "@/lib/files/files";
import { defaultStorage } from "@/lib/files/storage";
import { publish } from "@/lib/live/bus";
import { announceNotifications, notifiedUserIds, recordNotifications } from "@/lib/notifications/notify";
import { addNoteSchema, deleteNoteSchema } from "./validation";

/**
 * EDIT-14: an internal note on a conversation or a customer — never sent to anyone
 * outside the company. Mentioned users (and members of mentioned teams) are notified at
 * once; replying to a note mentions its author.
 */
export const addNote = defineAction(
  { input: addNoteSchema, output: z.object({ id: z.string(), mentionedUserIds: z.array(z.string()) }) },
  async (input, { db, companyId, userId }) => {
    const conversation = input.conversationId ? await findConversation(db, { companyId, conversationId: input.conversationId }) : undefined;
    if (input.conversationId && !conversation) throw new NotFoundError();
    const customerId = conversation?.customerId ?? input.customerId!;
    if (!conversation && !(await findCustomer(db, { companyId, customerId }))) throw new NotFoundError();

    const [users, teams] = await Promise.all([listCompanyUsers(db, { companyId }), listTeams(db, { companyId })]);
    const userIds = new Set(input.mentions.userIds);
    if ([...userIds].some((id) => !users.some((u) => u.id === id)) || input.mentions.teamIds.some((id) => !teams.some((t) => t.id === id))) {
      throw new SafeError("notes.mentionInvalid");
    }
    let replyTo: NoteRow | undefined;
    if (input.replyToNoteId) {
      replyTo = await findNote(db, { companyId, noteId: input.replyToNoteId });
      if (!replyTo || replyTo.customerId !== customerId) throw new NotFoundError();
      if (replyTo.authorUserId) userIds.add(replyTo.authorUserId);
    }
    const mentions = { userIds: [...userIds], teamIds: input.mentions.teamIds };

    const { note, notified } = await db.transaction(async (tx) => {
      const note = await insertNote(tx, {
        companyId,
        customerId,
        conversationId: conversation?.id ?? null,
        authorUserId: userId,
        body: input.body,
        mentions,
        replyToNoteId: replyTo?.id ?? null,
      });
      await attachUploads(tx, { companyId, customerId, attachmentIds: input.attachmentIds, owner: { noteId: note.id } });
      const teamMemberIds = await listTeamMemberIds(tx, { companyId, teamIds: mentions.teamIds });
      const link = conversation ? `/conversations/${conversation.id}` : `/customers/${customerId}`;
      const mentioned = await recordNotifications(tx, {
        companyId,
        userIds: [...mentions.userIds, ...teamMemberIds],
        exceptUserId: userId,
        kind: conversation ? "conversation.mention" : "customer.mention",
        data: { noteId: note.id, conversationId: conversation?.id ?? null, customerId, preview: input.body.slice(0, 140) },
        link,
      });
      // USER-5 "new notes": the assignee hears of notes on their conversation.
      const assignees = conversation?.assigneeUserId
        ? [conversation.assigneeUserId]
        : conversation?.assigneeTeamId
          ? await listTeamMemberIds(tx, { companyId, teamIds: [conversation.assigneeTeamId] })
          : [];
      const informed = await recordNotifications(tx, {
        companyId,
        userIds: assignees.filter((id) => !notifiedUserIds(mentioned).includes(id)),
        exceptUserId: userId,
        kind: "conversation.new_note",
        data: { noteId: note.id, conversationId: conversation?.id ?? null, customerId, preview: input.body.slice(0, 140) },
        link,
      });
      return { note, notified: [...mentioned, ...informed] };
    });
    announceNotifications(companyId, notified);
    if (conversation) publish(companyId, { type: "conversation.updated", conversationId: conversation.id });
    return { id: note.id, mentionedUserIds: notifiedUserIds(notified) };
  },
);

/** Deleting a note (confirmed in the UI) deletes its files; only its author or an admin may. */
export const deleteNote = defineAction(
  { input: deleteNoteSchema, output: z.object({ id: z.string() }) },
  async ({ id }, { db, companyId, userId, role, permissions }) => {
    const note = await findNote(db, { companyId, noteId: id });
    if (!note) throw new NotFoundError();
    if (note.authorUserId !== userId && !can({ role, permissions }, "deleteOthersNotes")) throw new SafeError("errors.forbidden");
    const files = await db.transaction(async (tx) => {
      const removed = await deleteNoteAttachments(tx, { companyId, noteId: id });
      await deleteNoteRow(tx, { companyId, noteId: id });
      return removed;
    });
    await Promise.all(files.map((file) => defaultStorage().delete(file.storageKey).catch(() => undefined)));
    if (note.conversationId) publish(companyId, { type: "conversation.updated", conversationId: note.conversationId });
    return { id };
  },
);
