import { env } from "@/lib/env";
import { closeDatabase, getConnection, migrateDatabase } from "./client";

async function main() {
  const { db, driver } = await getConnection();
  // getConnection migrates in embedded and dev mode; production migrates only here.
  if (env().NODE_ENV === "production") await migrateDatabase(db, driver);
  console.log(`Migrations applied (${driver}).`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
