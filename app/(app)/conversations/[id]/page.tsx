import { notFound } from "next/navigation";
import { z } from "zod";
import { Inbox } from "../inbox";
import { inboxMetadata } from "../metadata";

export const generateMetadata = inboxMetadata;

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
