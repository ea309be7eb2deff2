"use server";

import { runAction } from "@/lib/actions/run";
import { improveDraft, spellcheckDraft, translateDraft, translateMessage } from "@/lib/ai/actions";
import { shareFile, shareTargets } from "@/lib/files/share";
import { createPaymentRequest } from "@/lib/payments/actions";
import { createReviewRequest } from "@/lib/reviews/actions";
import { deleteScheduledMessage, scheduleMessage, updateScheduledMessage } from "@/lib/scheduling/actions";

export async function spellcheckAction(input: unknown) {
  return runAction(spellcheckDraft, input);
}

export async function improveAction(input: unknown) {
  return runAction(improveDraft, input);
}

export async function translateDraftAction(input: unknown) {
  return runAction(translateDraft, input);
}

export async function translateMessageAction(input: unknown) {
  return runAction(translateMessage, input);
}

export async function scheduleMessageAction(input: unknown) {
  return runAction(scheduleMessage, input);
}

export async function updateScheduledMessageAction(input: unknown) {
  return runAction(updateScheduledMessage, input);
}

export async function deleteScheduledMessageAction(input: unknown) {
  return runAction(deleteScheduledMessage, input);
}

export async function shareFileAction(input: unknown) {
  return runAction(shareFile, input);
}

export async function shareTargetsAction(input: unknown) {
  return runAction(shareTargets, input);
}

export async function createPaymentRequestAction(input: unknown) {
  return runAction(createPaymentRequest, input);
}

export async function createReviewRequestAction(input: unknown) {
  return runAction(createReviewRequest, input);
}
