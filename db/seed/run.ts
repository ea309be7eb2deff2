import { closeDatabase, getDb } from "@/db/client";
import { isDatabaseEmpty, seedDemoData } from "./demo";

async function main() {
  const db = await getDb();
  if (!(await isDatabaseEmpty(db))) {
    console.log("The database already holds data: nothing seeded.");
    return;
  }
  const { companyId } = await seedDemoData(db);
  console.log(`Demo dealership seeded (company ${companyId}).`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
