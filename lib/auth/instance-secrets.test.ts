import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { provideInstanceSecrets } from "./instance-secrets";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "parley-secrets-"));

describe("secrets of an embedded production server", () => {
  it("are generated on first start, kept readable by the owner only, and the same on the next start", () => {
    const dir = dataDir();
    const first: Record<string, string | undefined> = { NODE_ENV: "production", PGLITE_DATA_DIR: path.join(dir, "pglite") };
    const file = provideInstanceSecrets(first);
    expect(file).toBe(path.join(dir, "secrets.json"));
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(first.AUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(first.VONAGE_SIGNATURE_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(first.AUTH_SECRET).not.toBe(first.VONAGE_SIGNATURE_SECRET);
    // The configuration accepts them (long, not published).
    expect(parseEnv(first).authSecret).toBe(first.AUTH_SECRET);

    const restart: Record<string, string | undefined> = { NODE_ENV: "production", PGLITE_DATA_DIR: path.join(dir, "pglite") };
    provideInstanceSecrets(restart);
    expect(restart.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(restart.VONAGE_SIGNATURE_SECRET).toBe(first.VONAGE_SIGNATURE_SECRET);
    expect(JSON.parse(readFileSync(file!, "utf8"))).toEqual({ AUTH_SECRET: first.AUTH_SECRET, VONAGE_SIGNATURE_SECRET: first.VONAGE_SIGNATURE_SECRET });
  });

  it("leaves a secret set in the environment alone, and does nothing in development or with DATABASE_URL", () => {
    const dir = dataDir();
    const own = "an-auth-secret-that-is-long-enough-0123456789";
    const source: Record<string, string | undefined> = { NODE_ENV: "production", PGLITE_DATA_DIR: path.join(dir, "db"), AUTH_SECRET: own };
    provideInstanceSecrets(source);
    expect(source.AUTH_SECRET).toBe(own);
    expect(source.VONAGE_SIGNATURE_SECRET).toBeDefined();

    const development: Record<string, string | undefined> = { PGLITE_DATA_DIR: path.join(dir, "dev") };
    expect(provideInstanceSecrets(development)).toBeNull();
    expect(development.AUTH_SECRET).toBeUndefined();
    expect(() => provideInstanceSecrets({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" })).toThrow(/AUTH_SECRET: required in production/);
  });
});
