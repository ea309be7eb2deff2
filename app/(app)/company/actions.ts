"use server";

import { runAction } from "@/lib/actions/run";
import { createTeam, deleteTeam, renameTeam, setTeamMembers, updateConversationSettings, updateReviewLinks } from "@/lib/company/actions";

export async function createTeamAction(input: unknown) {
  return runAction(createTeam, input);
}

export async function renameTeamAction(input: unknown) {
  return runAction(renameTeam, input);
}

export async function deleteTeamAction(input: unknown) {
  return runAction(deleteTeam, input);
}

export async function setTeamMembersAction(input: unknown) {
  return runAction(setTeamMembers, input);
}

export async function updateConversationSettingsAction(input: unknown) {
  return runAction(updateConversationSettings, input);
}

export async function updateReviewLinksAction(input: unknown) {
  return runAction(updateReviewLinks, input);
}
