import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Inbox } from "../inbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("conversations") };
}

export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  return <Inbox searchParams={await searchParams} conversationId={id} />;
}
