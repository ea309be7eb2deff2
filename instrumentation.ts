export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before anything reads the configuration (the Edge middleware copies process.env later).
  const { provideInstanceSecrets } = await import("@/lib/auth/instance-secrets");
  const secretsFile = provideInstanceSecrets(process.env);
  if (secretsFile) console.info(`[parley] secrets not set in the environment: using those generated in ${secretsFile}`);
  // A wrong configuration value stops start-up here, naming the variable.
  const { env } = await import("@/lib/env");
  const config = env();
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase();
  // The Web Push key pair: generated into the database on the first start when not configured.
  const [{ getDb }, { vapidKeys }] = await Promise.all([import("@/db/client"), import("@/lib/push/vapid")]);
  await vapidKeys(await getDb());
  if (config.databaseDriver === "pg" && config.DATABASE_URL) {
    const { startPostgresBridge } = await import("@/lib/live/postgres-bridge");
    await startPostgresBridge(config.DATABASE_URL);
  }
  // Sweeps run here when this instance does background work and no Inngest engine does.
  const { startBackgroundWork } = await import("@/lib/background/in-process");
  void startBackgroundWork(config);
}
