"use server";

import { runAction } from "@/lib/actions/run";
import { createSavedReply, deleteSavedReply, searchSavedReplies, updateSavedReply } from "@/lib/saved-replies/actions";
import { setSavedReplyEditors } from "@/lib/saved-replies/settings";

export async function createSavedReplyAction(input: unknown) {
  return runAction(createSavedReply, input);
}

export async function updateSavedReplyAction(input: unknown) {
  return runAction(updateSavedReply, input);
}

export async function deleteSavedReplyAction(input: unknown) {
  return runAction(deleteSavedReply, input);
}

export async function searchSavedRepliesAction(input: unknown) {
  return runAction(searchSavedReplies, input);
}

export async function setSavedReplyEditorsAction(input: unknown) {
  return runAction(setSavedReplyEditors, input);
}
