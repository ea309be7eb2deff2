/**
 * Preloaded into `next start` by bench/pages.ts --profile (node --import): appends each
 * SQL statement the server runs, with its time, as a JSON line to SQL_PROFILE_FILE.
 * Patches pg's Client, which the app's Pool and drizzle use; nothing else changes.
 */
import { appendFileSync } from "node:fs";
import pg from "pg";

const file = process.env.SQL_PROFILE_FILE;
const query = pg.Client.prototype.query;

function record(text, start) {
  appendFileSync(file, `${JSON.stringify({ sql: String(text ?? "").replace(/\s+/g, " ").slice(0, 400), ms: performance.now() - start })}\n`);
}

if (file) {
  pg.Client.prototype.query = function profiledQuery(config) {
    const text = typeof config === "string" ? config : config?.text;
    const start = performance.now();
    const args = [...arguments];
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const done = args[last];
      args[last] = function (...results) {
        record(text, start);
        return done.apply(this, results);
      };
      return query.apply(this, args);
    }
    if (typeof config?.callback === "function") {
      const done = config.callback;
      config.callback = (...results) => {
        record(text, start);
        return done(...results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof result.then === "function") result.then(() => record(text, start), () => record(text, start));
    return result;
  };
}
