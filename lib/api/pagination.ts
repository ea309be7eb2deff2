import { z } from "zod";
import { ApiProblem } from "./problem";

/** `?limit=&cursor=` of every list. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("At most 100 items per page."),
  cursor: z.string().max(500).optional().describe("The `next_cursor` of the previous page."),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  });

/** An opaque cursor: the id of the last item of a page. */
export function encodeCursor(values: string[]) {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string | undefined): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown;
    if (Array.isArray(values) && values.length === 1 && typeof values[0] === "string" && UUID.test(values[0])) return values as string[];
  } catch {
    // answered below
  }
  throw new ApiProblem(400, "Bad cursor", "The cursor is not one this API gave.", { code: "invalid_cursor", errors: [{ pointer: "/query/cursor", code: "invalid_cursor", detail: "Not a cursor of this list." }] });
}

/** Cuts the one extra row a query fetched into a page and its next cursor. */
export function toPage<Row, Item>(rows: Row[], limit: number, cursorOf: (row: Row) => string[], serialize: (row: Row) => Item) {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { data: page.map(serialize), has_more: hasMore, next_cursor: hasMore ? encodeCursor(cursorOf(page[page.length - 1]!)) : null };
}
