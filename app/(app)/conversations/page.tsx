import { Inbox } from "./inbox";
import { inboxMetadata } from "./metadata";

export const generateMetadata = inboxMetadata;

export default async function ConversationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <Inbox searchParams={await searchParams} />;
}
