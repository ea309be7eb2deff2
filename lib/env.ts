import "server-only";
import { z } from "zod";

/**
 * The only reader of process.env. Every variable is optional and has an embedded
 * default, so `npm run dev` works on a fresh machine; a wrong value stops start-up
 * with a message naming the variable.
 */

const DEV_AUTH_SECRET = "parley-dev-auth-secret-change-me-in-production";
export const DEV_SIGNATURE_SECRET = "parley-dev-signature-secret";

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.preprocess(emptyToUndefined, z.url().default("http://localhost:3000")),

  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATABASE_DRIVER: z.preprocess(emptyToUndefined, z.enum(["pglite", "pg", "neon"]).optional()),
  DATABASE_POOL_MAX: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(20)),
  PGLITE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
  SEED_DEMO_DATA: z.preprocess(emptyToUndefined, z.enum(["auto", "always", "never"]).default("auto")),

  AUTH_SECRET: optionalString,

  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default("Parley <no-reply@parley.test>")),

  VONAGE_API_KEY: optionalString,
  VONAGE_API_SECRET: optionalString,
  VONAGE_APPLICATION_ID: optionalString,
  VONAGE_PRIVATE_KEY: optionalString,
  VONAGE_SIGNATURE_SECRET: optionalString,
  VONAGE_FROM_NUMBER: optionalString,
  VONAGE_API_HOST: optionalUrl,

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** Another Stripe API address (tests and the end-to-end run point it at a local fake). */
  STRIPE_API_BASE: optionalUrl,

  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_MODEL: z.preprocess(emptyToUndefined, z.string().default("claude-haiku-5-5")),

  INNGEST_DEV: optionalString,
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  FILE_STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/uploads")),
  MAX_UPLOAD_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(25)),
  S3_BUCKET: optionalString,
  S3_REGION: z.preprocess(emptyToUndefined, z.string().default("us-east-1")),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  ENABLE_DEV_TOOLS: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  SWEEP_INTERVAL_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3600).default(5),
  ),
});

export type Env = z.infer<typeof schema> & {
  databaseDriver: "pglite" | "pg" | "neon";
  embedded: boolean;
  authSecret: string;
  vonageSignatureSecret: string;
  backgroundEngine: "inngest-dev" | "inngest-cloud" | "in-process";
  smsChannel: "vonage" | "local";
  emailTransport: "smtp" | "outbox";
  /** The phone simulator and mail outbox pages. */
  devTools: boolean;
  fileStorage: "local" | "s3";
};

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

function pickDriver(env: z.infer<typeof schema>): Env["databaseDriver"] {
  if (env.DATABASE_DRIVER) return env.DATABASE_DRIVER;
  if (!env.DATABASE_URL) return "pglite";
  return /\.neon\.tech(:|\/|$)/.test(env.DATABASE_URL) ? "neon" : "pg";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigurationError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const env = result.data;
  const databaseDriver = pickDriver(env);
  if (databaseDriver !== "pglite" && !env.DATABASE_URL) {
    throw new ConfigurationError(
      `Invalid configuration:\n  - DATABASE_URL: required when DATABASE_DRIVER=${databaseDriver}`,
    );
  }
  const embedded = databaseDriver === "pglite";
  // A production deployment (real database, production build) must not run on the
  // secrets published in the README.
  const deployed = env.NODE_ENV === "production" && !embedded;
  const missingInProduction = (["AUTH_SECRET", "VONAGE_SIGNATURE_SECRET"] as const).filter(
    (name) => deployed && !env[name],
  );
  if (missingInProduction.length > 0) {
    throw new ConfigurationError(
      `Invalid configuration:\n${missingInProduction
        .map((name) => `  - ${name}: required in production (the embedded default is public)`)
        .join("\n")}`,
    );
  }
  // Messages API auth: an application's JWT (id + private key), or the account's key/secret.
  const vonageConfigured =
    Boolean(env.VONAGE_APPLICATION_ID && env.VONAGE_PRIVATE_KEY) || Boolean(env.VONAGE_API_KEY && env.VONAGE_API_SECRET);
  const smsChannel = vonageConfigured ? "vonage" : "local";
  const backgroundEngine = env.INNGEST_DEV
    ? "inngest-dev"
    : env.INNGEST_SIGNING_KEY
      ? "inngest-cloud"
      : "in-process";
  return {
    ...env,
    databaseDriver,
    embedded,
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    vonageSignatureSecret: env.VONAGE_SIGNATURE_SECRET ?? DEV_SIGNATURE_SECRET,
    backgroundEngine,
    smsChannel,
    emailTransport: env.SMTP_URL ? "smtp" : "outbox",
    devTools: env.ENABLE_DEV_TOOLS ? env.ENABLE_DEV_TOOLS === "true" : embedded || env.NODE_ENV !== "production",
    fileStorage: env.S3_BUCKET ? "s3" : "local",
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
