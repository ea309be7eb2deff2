import "server-only";
import type { Db } from "@/db/client";
import type { AutomationSkipReason } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import type { AutomationDefinition } from "./types";

/**
 * TODO(wizard11): DELETE at merge. Stand-ins, under the contract's names, for engine11's
 * `dryRunAutomation` / `sendAutomationTest`, so the
 * wizard builds before their branches land.
 */
export type DryRunRow = { customerId: string; name: string; mobile: string | null; text: string | null; skipReason: AutomationSkipReason | null };

export async function dryRunAutomation(
  _db: Db,
  _input: { companyId: string; definition: AutomationDefinition; now: Date; limit: number },
): Promise<{ count: number; rows: DryRunRow[] }> {
  return { count: 0, rows: [] };
}

export async function sendAutomationTest(
  _db: Db,
  _input: { companyId: string; userId: string; definition: AutomationDefinition; mobile: string },
): Promise<{ messageId: string }> {
  throw new SafeError("errors.unexpected");
}
