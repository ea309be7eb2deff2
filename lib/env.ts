import "server-only";
import { z } from "zod";

/**
 * The only reader of process.env. Every variable is optional and has an embedded
 * default, so `npm run dev` works on a fresh machine; a wrong value stops start-up
 * with a message naming the variable.
 */

const DEV_AUTH_SECRET = "parley-dev-auth-secret-change-me-in-production";
export const DEV_SIGNATURE_SECRET = "parley-dev-signature-secret";

/** The secrets an embedded production server generates on first start when unset. */
export const GENERATED_SECRETS = ["AUTH_SECRET", "VONAGE_SIGNATURE_SECRET"] as const;
type SecretName = (typeof GENERATED_SECRETS)[number];
export const MIN_SECRET_LENGTH = 32;
// The development defaults are published in the README: anyone could sign with them.
const PUBLIC_SECRETS = new Set([DEV_AUTH_SECRET, DEV_SIGNATURE_SECRET]);

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

  /** Web Push (VAPID) key pair, base64url as `web-push generate-vapid-keys` prints it; unset: generated once and kept in the database. */
  VAPID_PUBLIC_KEY: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (87 characters)").optional()),
  VAPID_PRIVATE_KEY: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (43 characters)").optional()),
  /** Who push services contact about this server: a mailto: or https: URL (default: the MAIL_FROM address). */
  VAPID_SUBJECT: z.preprocess(emptyToUndefined, z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL").optional()),

  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_MODEL: z.preprocess(emptyToUndefined, z.string().default("claude-haiku-5-5")),

  INNGEST_DEV: optionalString,
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  FILE_STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/uploads")),
  MAX_UPLOAD_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(25)),
  /** Integration API requests per key per minute (IMPL-2). */
  API_RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(600)),
  /** Texts a second from one sender number, shared by every process (campaigns and automations); 0 = no throttle. */
  CAMPAIGN_TEXTS_PER_SECOND: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1000).default(10)),
  S3_BUCKET: optionalString,
  S3_REGION: z.preprocess(emptyToUndefined, z.string().default("us-east-1")),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  ENABLE_DEV_TOOLS: z.preprocess(emptyToUndefined, z.enum(["1", "true", "0", "false"]).optional()),
  /** Comma-separated addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9a-fA-F:.\/,\s]+$/, "must list IP addresses or CIDR ranges, separated by commas")
      .optional(),
  ),
  /** 1: webhook endpoints may be private/loopback addresses; 0: never. Unset: allowed outside production. */
  WEBHOOKS_ALLOW_PRIVATE: z.preprocess(emptyToUndefined, z.enum(["1", "true", "0", "false"]).optional()),
  /** on: this instance also runs background work (sweeps, inbound processing); off: it only answers requests, a worker instance does the rest. */
  BACKGROUND_WORK: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).default("on")),
  SWEEP_INTERVAL_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3600).default(5),
  ),
});

export type Env = z.infer<typeof schema> & {
  databaseDriver: "pglite" | "pg" | "neon";
  embedded: boolean;
  /** Where an embedded production server keeps the secrets it generated (mode 0600). */
  generatedSecretsFile: string;
  authSecret: string;
  vonageSignatureSecret: string;
  backgroundEngine: "inngest-dev" | "inngest-cloud" | "in-process";
  /** Whether this instance runs background work itself (BACKGROUND_WORK, default on). */
  runsBackgroundWork: boolean;
  smsChannel: "vonage" | "local";
  emailTransport: "smtp" | "outbox";
  /** The phone simulator and mail outbox pages. */
  devTools: boolean;
  fileStorage: "local" | "s3";
  vapidSubject: string;
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
  const production = env.NODE_ENV === "production";
  const problems = GENERATED_SECRETS.flatMap((name) => secretProblem(name, env[name], { production, embedded }));
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) problems.push("VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY: set both (one key pair) or neither");
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
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
  // Beside the database folder (string work only: middleware imports this module on the Edge runtime).
  const dataDir = env.PGLITE_DATA_DIR.replace(/[\\/]+$/, "").replace(/[\\/]?[^\\/]*$/, "") || ".";
  const generatedSecretsFile = `${dataDir}/secrets.json`;
  const parsed: Omit<Env, SecretKey> = {
    ...env,
    databaseDriver,
    embedded,
    generatedSecretsFile,
    backgroundEngine,
    runsBackgroundWork: env.BACKGROUND_WORK === "on",
    smsChannel,
    emailTransport: env.SMTP_URL ? "smtp" : "outbox",
    devTools: production ? enabled(env.ENABLE_DEV_TOOLS) : env.ENABLE_DEV_TOOLS !== "0" && env.ENABLE_DEV_TOOLS !== "false",
    fileStorage: env.S3_BUCKET ? "s3" : "local",
    vapidSubject: env.VAPID_SUBJECT ?? `mailto:${/<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim()}`,
  };
  const secret = (name: SecretName, developmentDefault: string) => () => {
    // Read again: an embedded production server generates them into process.env at start.
    const value = env[name] ?? (source[name]?.trim() || undefined);
    if (value) return value;
    if (!production) return developmentDefault;
    throw new ConfigurationError(
      `Invalid configuration:\n  - ${name}: not set, and not generated yet (the server generates it into ${generatedSecretsFile} when it starts)`,
    );
  };
  return Object.defineProperties(parsed as Env, {
    authSecret: { get: secret("AUTH_SECRET", DEV_AUTH_SECRET), enumerable: true },
    vonageSignatureSecret: { get: secret("VONAGE_SIGNATURE_SECRET", DEV_SIGNATURE_SECRET), enumerable: true },
  });
}

type SecretKey = "authSecret" | "vonageSignatureSecret";

const enabled = (flag: string | undefined) => flag === "1" || flag === "true";

/** Outside development a secret must be private and long enough not to be guessed. */
function secretProblem(
  name: SecretName,
  value: string | undefined,
  { production, embedded }: { production: boolean; embedded: boolean },
): string[] {
  if (!production) return [];
  if (!value) return embedded ? [] : [`${name}: required in production with DATABASE_URL (the embedded default is public)`];
  if (PUBLIC_SECRETS.has(value)) return [`${name}: this value is published (a documented default); set a private random one`];
  if (value.length < MIN_SECRET_LENGTH) return [`${name}: must be at least ${MIN_SECRET_LENGTH} characters (it has ${value.length})`];
  return [];
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
