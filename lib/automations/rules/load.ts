import "server-only";
import type { Db } from "@/db/client";
import { attributeDefinitions } from "@/db/queries/attributes";
import { listGroupChoices } from "@/db/queries/groups";
import { audienceCatalogue, type AudienceCatalogue } from "./catalogue";

/** The company's audience catalogue: built-in attributes, its custom attribute definitions and its groups. */
export async function loadAudienceCatalogue(db: Db, { companyId }: { companyId: string }): Promise<AudienceCatalogue> {
  const [definitions, groups] = await Promise.all([attributeDefinitions(db, { companyId }), listGroupChoices(db, { companyId })]);
  return audienceCatalogue(definitions, groups);
}
