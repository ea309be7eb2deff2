export type RawInboxFilter = { view: string; status: "open" | "closed" | "all"; flags: ("read" | "unread" | "unanswered")[] };

/** The inbox URL for a filter (and an open conversation), keeping defaults out of it. */
export function inboxHref(filter: RawInboxFilter, conversationId?: string) {
  const params = new URLSearchParams();
  if (filter.view !== "mine") params.set("view", filter.view);
  if (filter.status !== "open") params.set("status", filter.status);
  if (filter.flags.length) params.set("flags", filter.flags.join(","));
  const query = params.toString();
  return `/conversations${conversationId ? `/${conversationId}` : ""}${query ? `?${query}` : ""}`;
}
