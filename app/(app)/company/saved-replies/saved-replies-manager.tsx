"use client";

import { FileText, Pencil, Plus, Search, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { PickerAttribute } from "@/components/composer/attribute-picker";
import { TemplateField } from "@/components/composer/template-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/page-header";
import { useErrorText } from "@/components/ui/use-error-text";
import { createSavedReply, deleteSavedReply, setSavedReplyEditors, updateSavedReply } from "@/lib/saved-replies/actions";

type Reply = { id: string; title: string; body: string };

export function SavedRepliesManager({ replies, attributes, query, editors }: { replies: Reply[]; attributes: PickerAttribute[]; query: string; editors: "admin" | "agent" | null }) {
  const t = useTranslations("savedRepliesPage");
  const errorText = useErrorText();
  const router = useRouter();
  const [editing, setEditing] = useState<Reply | "new" | null>(null);
  const [deleting, setDeleting] = useState<Reply | null>(null);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [error, setError] = useState<{ message?: string; title?: string; body?: string }>({});
  const [pending, startTransition] = useTransition();

  const open = (reply: Reply | "new") => {
    setEditing(reply);
    setTitle(reply === "new" ? "" : reply.title);
    setBody(reply === "new" ? "" : reply.body);
    setError({});
  };

  const save = () =>
    startTransition(async () => {
      const result = editing === "new" ? await createSavedReply({ title, body }) : await updateSavedReply({ id: (editing as Reply).id, title, body });
      if (!result.ok) {
        return setError({
          message: result.fieldErrors ? undefined : errorText(result.error, result.values),
          title: errorText(result.fieldErrors?.title?.[0]),
          body: errorText(result.fieldErrors?.body?.[0]),
        });
      }
      setEditing(null);
      router.refresh();
    });

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={t("description")}
          action={
            <Button onClick={() => open("new")} data-testid="new-saved-reply">
              <Plus className="h-4 w-4" aria-hidden />
              {t("new")}
            </Button>
          }
        />
        <CardBody className="space-y-4">
          <form action="/company/saved-replies" className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 text-slate-400" aria-hidden />
            <Input name="q" defaultValue={query} placeholder={t("search")} aria-label={t("search")} className="pl-9" />
          </form>
          {editors ? (
            <Field label={t("editors")} htmlFor="editors" hint={t("editorsHint")}>
              <Select
                id="editors"
                defaultValue={editors}
                className="sm:max-w-xs"
                onChange={(event) => startTransition(async () => void (await setSavedReplyEditors({ role: event.target.value as "admin" | "agent" })))}
              >
                <option value="admin">{t("editorsAdmins")}</option>
                <option value="agent">{t("editorsEveryone")}</option>
              </Select>
            </Field>
          ) : null}
        </CardBody>
      </Card>

      <Card className="overflow-hidden">
        {replies.length === 0 ? (
          <EmptyState icon={<FileText className="h-6 w-6" />} title={query ? t("noMatch") : t("empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {replies.map((reply) => (
              <li key={reply.id} className="flex items-start gap-3 px-5 py-4" data-testid="saved-reply-row">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-semibold text-slate-900">{reply.title}</p>
                  <p className="mt-0.5 line-clamp-2 text-sm whitespace-pre-wrap text-slate-600">{reply.body}</p>
                </div>
                <Button variant="ghost" size="icon" onClick={() => open(reply)} aria-label={t("edit", { title: reply.title })}>
                  <Pencil className="h-4 w-4" aria-hidden />
                </Button>
                <Button variant="ghost" size="icon" onClick={() => setDeleting(reply)} aria-label={t("delete", { title: reply.title })}>
                  <Trash2 className="h-4 w-4" aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Dialog open={editing !== null} onOpenChange={(value) => !value && setEditing(null)}>
        {editing !== null ? (
          <DialogContent title={editing === "new" ? t("new") : t("editTitle")} closeLabel={t("cancel")} className="max-w-xl">
            <div className="space-y-4">
              {error.message ? <Alert tone="error">{error.message}</Alert> : null}
              <Field label={t("replyTitle")} htmlFor="reply-title" error={error.title}>
                <Input id="reply-title" value={title} onChange={(event) => setTitle(event.target.value)} aria-invalid={Boolean(error.title)} autoFocus />
              </Field>
              <div className="space-y-1.5">
                <p className="text-sm font-medium text-slate-700">{t("replyBody")}</p>
                <TemplateField id="reply-body" label={t("replyBody")} placeholder={t("bodyPlaceholder")} value={body} onChange={setBody} attributes={attributes} invalid={Boolean(error.body)} />
                {error.body ? <p className="text-sm text-red-600">{error.body}</p> : <p className="text-sm text-slate-500">{t("bodyHint")}</p>}
              </div>
              <div className="flex justify-end gap-2">
                <DialogClose asChild>
                  <Button variant="secondary">{t("cancel")}</Button>
                </DialogClose>
                <Button onClick={save} data-testid="save-saved-reply" pending={pending}>
                  {editing === "new" ? t("create") : t("update")}
                </Button>
              </div>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>

      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(value) => !value && setDeleting(null)}
        title={deleting ? t("deleteTitle", { title: deleting.title }) : ""}
        description={t("deleteDescription")}
        confirmLabel={t("confirmDelete")}
        cancelLabel={t("cancel")}
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            await deleteSavedReply({ id: deleting!.id });
            setDeleting(null);
            router.refresh();
          })
        }
      />
    </div>
  );
}
