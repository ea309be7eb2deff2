import { ConfigurationError, parseEnv } from "./env";

const LONG_AUTH = "an-auth-secret-that-is-long-enough-0123456789";
const LONG_SIGNATURE = "a-signature-secret-that-is-long-enough-0123";

describe("environment", () => {
  it("runs embedded with no variable set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      databaseDriver: "pglite",
      embedded: true,
      PGLITE_DATA_DIR: ".data/pglite",
      smsChannel: "local",
      emailTransport: "outbox",
      backgroundEngine: "in-process",
      vonageSignatureSecret: "parley-dev-signature-secret",
      devTools: true,
    });
  });

  it("picks node-postgres for a postgres URL and Neon for a Neon URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost:5432/db" }).databaseDriver).toBe("pg");
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@ep-cool-1.us-east-2.aws.neon.tech/db?sslmode=require" }).databaseDriver).toBe("neon");
    expect(parseEnv({ DATABASE_URL: "postgres://u@db.internal/db", DATABASE_DRIVER: "neon" }).databaseDriver).toBe("neon");
  });

  it("names the variable holding a wrong value", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SWEEP_INTERVAL_SECONDS: "0" })).toThrow(/SWEEP_INTERVAL_SECONDS/);
    expect(() => parseEnv({ BACKGROUND_WORK: "no" })).toThrow(/BACKGROUND_WORK/);
    expect(parseEnv({}).runsBackgroundWork).toBe(true);
    expect(parseEnv({ BACKGROUND_WORK: "off" }).runsBackgroundWork).toBe(false);
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow(ConfigurationError);
  });

  it("refuses the public default secrets in a production deployment", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" })).toThrow(
      /AUTH_SECRET: required in production[\s\S]*VONAGE_SIGNATURE_SECRET: required in production/,
    );
    const deployed = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u@h/db",
      AUTH_SECRET: LONG_AUTH,
      VONAGE_SIGNATURE_SECRET: LONG_SIGNATURE,
    });
    expect(deployed.vonageSignatureSecret).toBe(LONG_SIGNATURE);
    expect(deployed.devTools).toBe(false);
  });

  it("in production refuses a documented default or a short secret, naming the variable, embedded or not", () => {
    for (const database of [{}, { DATABASE_URL: "postgres://u@h/db" }]) {
      const production = { NODE_ENV: "production", ...database, AUTH_SECRET: LONG_AUTH, VONAGE_SIGNATURE_SECRET: LONG_SIGNATURE };
      expect(() => parseEnv({ ...production, AUTH_SECRET: "parley-dev-auth-secret-change-me-in-production" })).toThrow(/AUTH_SECRET: this value is published/);
      expect(() => parseEnv({ ...production, VONAGE_SIGNATURE_SECRET: "parley-dev-signature-secret" })).toThrow(/VONAGE_SIGNATURE_SECRET: this value is published/);
      expect(() => parseEnv({ ...production, AUTH_SECRET: "x" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
      expect(() => parseEnv({ ...production, VONAGE_SIGNATURE_SECRET: "a".repeat(31) })).toThrow(/VONAGE_SIGNATURE_SECRET: must be at least 32/);
    }
    // Development keeps working with anything, or nothing.
    expect(parseEnv({ AUTH_SECRET: "x" }).authSecret).toBe("x");
  });

  it("never hands out a public default in an embedded production server: the generated secret or a clear error", () => {
    const source: Record<string, string | undefined> = { NODE_ENV: "production", PGLITE_DATA_DIR: "/srv/parley/db" };
    const embedded = parseEnv(source);
    expect(embedded.generatedSecretsFile).toBe("/srv/parley/secrets.json");
    expect(() => embedded.authSecret).toThrow(/AUTH_SECRET: not set[\s\S]*\/srv\/parley\/secrets\.json/);
    source.AUTH_SECRET = LONG_AUTH;
    expect(embedded.authSecret).toBe(LONG_AUTH);
  });

  it("dev tools are on in development and off in production unless ENABLE_DEV_TOOLS=1", () => {
    expect(parseEnv({}).devTools).toBe(true);
    expect(parseEnv({ ENABLE_DEV_TOOLS: "0" }).devTools).toBe(false);
    const production = { NODE_ENV: "production", AUTH_SECRET: LONG_AUTH, VONAGE_SIGNATURE_SECRET: LONG_SIGNATURE };
    expect(parseEnv(production).devTools).toBe(false);
    expect(parseEnv({ ...production, ENABLE_DEV_TOOLS: "1" }).devTools).toBe(true);
    expect(parseEnv({ ...production, ENABLE_DEV_TOOLS: "true" }).devTools).toBe(true);
  });

  it("switches real components on by configuration", () => {
    const env = parseEnv({
      SMTP_URL: "smtp://mail.example.com:587",
      VONAGE_APPLICATION_ID: "app",
      VONAGE_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----",
      INNGEST_DEV: "1",
    });
    expect(env).toMatchObject({ emailTransport: "smtp", smsChannel: "vonage", backgroundEngine: "inngest-dev" });
    expect(parseEnv({ INNGEST_SIGNING_KEY: "signkey-prod-1", INNGEST_EVENT_KEY: "k" }).backgroundEngine).toBe("inngest-cloud");
  });

  it("takes a VAPID key pair only whole and well formed; the subject defaults to the MAIL_FROM address", () => {
    const publicKey = "B".padEnd(87, "A");
    const privateKey = "p".padEnd(43, "q");
    expect(parseEnv({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey })).toMatchObject({ VAPID_PUBLIC_KEY: publicKey, vapidSubject: "mailto:no-reply@parley.test" });
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: publicKey })).toThrow(/VAPID_PUBLIC_KEY \/ VAPID_PRIVATE_KEY: set both/);
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: "short", VAPID_PRIVATE_KEY: privateKey })).toThrow(/VAPID_PUBLIC_KEY: must be a base64url P-256 public key/);
    expect(() => parseEnv({ VAPID_SUBJECT: "http://dealer.example" })).toThrow(/VAPID_SUBJECT/);
    expect(parseEnv({ VAPID_SUBJECT: "https://dealer.example", MAIL_FROM: "Garage <hello@garage.example>" }).vapidSubject).toBe("https://dealer.example");
    expect(parseEnv({ MAIL_FROM: "Garage <hello@garage.example>" }).vapidSubject).toBe("mailto:hello@garage.example");
  });
});
