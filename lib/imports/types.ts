// What import pages and components know of an import, without reaching into db/.
export type { ImportColumn, ImportKind, ImportMapping, ImportStatus } from "@/db/schema";
export type { AttributeCategory } from "@/lib/attributes/types";
