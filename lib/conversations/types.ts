import type { conversations } from "@/db/schema";

/** Types the conversation pages and components share; db/ stays behind lib/. */
export type Conversation = typeof conversations.$inferSelect;
