import "server-only";
import type { Db } from "@/db/client";
import { attributeDefinitions } from "@/db/queries/attributes";
import { audienceCatalogue, type AudienceCatalogue } from "./catalogue";

/** The company's audience catalogue: built-in attributes and its custom attribute definitions. */
export async function loadAudienceCatalogue(db: Db, { companyId }: { companyId: string }): Promise<AudienceCatalogue> {
  const definitions = await attributeDefinitions(db, { companyId });
  return audienceCatalogue(definitions);
}
