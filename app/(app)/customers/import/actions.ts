"use server";

import { runAction } from "@/lib/actions/run";
import { startImport } from "@/lib/imports/actions";

export async function startImportAction(input: unknown) {
  return runAction(startImport, input);
}
