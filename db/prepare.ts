import { env } from "@/lib/env";
import { getConnection } from "./client";
import { isDatabaseEmpty, seedDemoData } from "./seed/demo";

/**
 * Called once at server start: connects (migrating in embedded or dev mode) and loads
 * the demo dealership into an empty embedded database.
 */
export async function prepareDatabase() {
  const config = env();
  const { db, driver } = await getConnection();
  const seed =
    config.SEED_DEMO_DATA === "always" || (config.SEED_DEMO_DATA === "auto" && driver === "pglite");
  if (seed && (await isDatabaseEmpty(db))) {
    await seedDemoData(db);
    console.log("[parley] demo data loaded: sign in as admin@parley.test / parley123");
  }
}
