import { sql, type SQL } from "drizzle-orm";

/**
 * The `set` of an upsert that takes these columns from the row Postgres refused
 * (`excluded`), spelt in snake_case as the schema's casing names them.
 */
export function fromExcluded<Key extends string>(keys: readonly Key[]): Record<Key, SQL> {
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded.${key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`)])) as Record<Key, SQL>;
}
