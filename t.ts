import { openPglite, migrateDatabase } from "./db/client";
(async () => {
  let t = Date.now();
  const { db, client, close } = await openPglite();
  console.log("open", Date.now() - t); t = Date.now();
  await migrateDatabase(db, "pglite");
  console.log("migrate", Date.now() - t); t = Date.now();
  const dump = await client.dumpDataDir("none");
  console.log("dump", Date.now() - t, dump.size); t = Date.now();
  await close();
  const b = await openPglite(undefined, dump);
  console.log("load", Date.now() - t); t = Date.now();
  console.log(await b.client.query("select count(*) from companies"));
})();
