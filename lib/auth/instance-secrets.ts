import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GENERATED_SECRETS, MIN_SECRET_LENGTH, parseEnv } from "@/lib/env";

type Source = Record<string, string | undefined>;

/**
 * An embedded production server (no DATABASE_URL) must work out of the box without a
 * public secret: each unset secret is generated once, kept in the data directory
 * (readable by this user only) and put into `source` before the configuration is read.
 * Returns the file used, or null when nothing had to be provided.
 */
export function provideInstanceSecrets(source: Source): string | null {
  const config = parseEnv(source);
  if (config.NODE_ENV !== "production" || !config.embedded) return null;
  const missing = GENERATED_SECRETS.filter((name) => !source[name]?.trim());
  if (missing.length === 0) return null;
  const file = path.resolve(config.generatedSecretsFile);
  const stored = readStored(file);
  let changed = false;
  for (const name of missing) {
    const kept = stored[name];
    if (typeof kept !== "string" || kept.length < MIN_SECRET_LENGTH) {
      stored[name] = randomBytes(32).toString("base64url");
      changed = true;
    }
    source[name] = stored[name] as string;
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  // The mode of an existing file is corrected too (a copy may have widened it).
  chmodSync(file, 0o600);
  return file;
}

function readStored(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
}
