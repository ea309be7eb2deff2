import "server-only";
import type { Db } from "@/db/client";
import { SafeError } from "@/lib/actions/errors";
import { companyTemplateProblem } from "./catalogue";

/** Refuses a template with broken syntax or unknown attributes, with a message saying which. */
export async function assertValidTemplate(db: Db, companyId: string, source: string) {
  const problem = await companyTemplateProblem(db, companyId, source);
  if (!problem) return;
  if (problem.kind === "syntax") throw new SafeError("templates.syntax", { position: problem.position + 1, snippet: problem.snippet });
  throw new SafeError("templates.unknownAttributes", { names: problem.names.join(", "), count: problem.names.length });
}
