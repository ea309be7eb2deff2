"use server";

import { runAction } from "@/lib/actions/run";
import { assign, findCustomersToMessage, loadInboxPage, sendReply, setStatus, startConversation } from "@/lib/conversations/actions";

export async function sendReplyAction(input: unknown) {
  return runAction(sendReply, input);
}

export async function assignAction(input: unknown) {
  return runAction(assign, input);
}

export async function setStatusAction(input: unknown) {
  return runAction(setStatus, input);
}

export async function loadInboxPageAction(input: unknown) {
  return runAction(loadInboxPage, input);
}

export async function startConversationAction(input: unknown) {
  return runAction(startConversation, input);
}

export async function findCustomersToMessageAction(input: unknown) {
  return runAction(findCustomersToMessage, input);
}
