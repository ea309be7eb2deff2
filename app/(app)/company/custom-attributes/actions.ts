"use server";

import { runAction } from "@/lib/actions/run";
import { createAttribute, deleteAttribute } from "@/lib/attributes/actions";

export async function createAttributeAction(input: unknown) {
  return runAction(createAttribute, input);
}

export async function deleteAttributeAction(input: unknown) {
  return runAction(deleteAttribute, input);
}
