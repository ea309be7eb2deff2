"use server";

import { z } from "zod";
import { listResultNotes } from "@/db/queries/automation-result-links";
import { findAutomationResult, listAutomationResults } from "@/db/queries/automation-results";
import { findAutomation } from "@/db/queries/automations";
import { insertNote } from "@/db/queries/notes";
import { listCompanyUsers, listTeamMemberIds, listTeams } from "@/db/queries/users";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { publish } from "@/lib/live/bus";
import { announceNotifications, notifiedUserIds, recordNotifications } from "@/lib/notifications/notify";
import { resultNoteSchema, resultPageSchema } from "./results-validation";
import { resultRowSchema, resultNoteRowSchema, toResultNoteRow, toResultRow } from "./results-view";

/** "Load more" on the results page: the next page after the cursor, with each result's notes. */
export const loadAutomationResults = defineAction(
  {
    input: resultPageSchema,
    output: z.object({ rows: z.array(resultRowSchema), notes: z.array(resultNoteRowSchema), nextCursor: z.object({ createdAt: z.string(), id: z.string() }).nullable() }),
  },
  async ({ automationId, cursor, status }, { db, companyId }) => {
    if (!(await findAutomation(db, { companyId, automationId }))) throw new NotFoundError();
    const page = await listAutomationResults(db, { companyId, automationId, cursor, status, limit: 25 });
    const notes = await listResultNotes(db, { companyId, resultIds: page.rows.map((row) => row.id) });
    return { rows: page.rows.map(toResultRow), notes: notes.map(toResultNoteRow), nextCursor: page.nextCursor };
  },
);

/**
 * A note on one result (AUTO results, EDIT-14's notes): internal, on the customer, linked
 * to the result; mentioned users and members of mentioned teams are notified with a link
 * back to this result.
 */
export const addResultNote = defineAction(
  { input: resultNoteSchema, output: z.object({ id: z.string(), notifiedUserIds: z.array(z.string()) }) },
  async ({ resultId, body, mentions }, { db, companyId, userId }) => {
    const result = await findAutomationResult(db, { companyId, resultId });
    if (!result) throw new NotFoundError();
    const automation = await findAutomation(db, { companyId, automationId: result.automationId });
    if (!automation) throw new NotFoundError();
    const [users, teams] = await Promise.all([listCompanyUsers(db, { companyId }), listTeams(db, { companyId })]);
    if (mentions.userIds.some((id) => !users.some((u) => u.id === id)) || mentions.teamIds.some((id) => !teams.some((team) => team.id === id))) {
      throw new SafeError("notes.mentionInvalid");
    }
    const { note, notified } = await db.transaction(async (tx) => {
      const note = await insertNote(tx, { companyId, customerId: result.customerId, conversationId: null, automationResultId: result.id, authorUserId: userId, body, mentions });
      const teamMemberIds = await listTeamMemberIds(tx, { companyId, teamIds: mentions.teamIds });
      const notified = await recordNotifications(tx, {
        companyId,
        userIds: [...mentions.userIds, ...teamMemberIds],
        exceptUserId: userId,
        kind: "automation.result_note",
        data: { noteId: note.id, resultId: result.id, automationId: automation.id, automationName: automation.name, customerId: result.customerId, preview: body.slice(0, 140) },
        link: `/automations/${automation.id}?result=${result.id}`,
      });
      return { note, notified };
    });
    announceNotifications(companyId, notified);
    publish(companyId, { type: "automation.updated", automationId: automation.id });
    return { id: note.id, notifiedUserIds: notifiedUserIds(notified) };
  },
);
