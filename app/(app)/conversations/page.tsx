import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Inbox } from "./inbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("conversations") };
}

export default async function ConversationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <Inbox searchParams={await searchParams} />;
}
