import { ConfigurationError, parseEnv } from "./env";

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
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow(ConfigurationError);
  });

  it("refuses the public default secrets in a production deployment", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" })).toThrow(
      /AUTH_SECRET: required in production[\s\S]*VONAGE_SIGNATURE_SECRET: required in production/,
    );
    const deployed = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u@h/db",
      AUTH_SECRET: "s3cret-value",
      VONAGE_SIGNATURE_SECRET: "sig",
    });
    expect(deployed.vonageSignatureSecret).toBe("sig");
    expect(deployed.devTools).toBe(false);
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
});
