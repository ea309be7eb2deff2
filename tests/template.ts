import path from "node:path";

/** Where the migrated template the test files clone lives. */
export const PGLITE_TEMPLATE_PATH = path.join(process.cwd(), ".data", "test", "pglite-template.tar");

export function testDatabaseUrl(): URL | null {
  const raw = process.env.TEST_DATABASE_URL;
  return raw ? new URL(raw) : null;
}

export function maintenanceUrl(url: URL): string {
  const copy = new URL(url);
  copy.pathname = "/postgres";
  return copy.toString();
}

export function templateName(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1)) || "parley_test";
}
