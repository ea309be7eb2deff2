import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { listSavedReplies } from "@/db/queries/saved-replies";
import { can } from "@/lib/auth/permissions";
import { requireSession } from "@/lib/auth/session";
import { canEditSavedReplies } from "@/lib/saved-replies/editors";
import { pickerAttributes } from "@/lib/templates/picker";
import { SavedRepliesManager } from "./saved-replies-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("savedReplies") };
}

export default async function SavedRepliesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { db, companyId, role, permissions, company } = await requireSession();
  if (!(await canEditSavedReplies({ db, companyId, role, permissions }))) notFound();
  const { q } = await searchParams;
  const [replies, attributes] = await Promise.all([listSavedReplies(db, { companyId, query: q }), pickerAttributes(db, companyId)]);
  return (
    <SavedRepliesManager
      replies={replies.map((reply) => ({ id: reply.id, title: reply.title, body: reply.body }))}
      attributes={attributes}
      query={q ?? ""}
      editors={can({ role, permissions }, "manageCompany") ? company.savedReplyEditorsRole : null}
    />
  );
}
