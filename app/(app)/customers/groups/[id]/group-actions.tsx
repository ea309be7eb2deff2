"use client";

import { Archive, ArchiveRestore, Download, Pencil, Snowflake } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useAction, useDialogAction } from "@/components/ui/use-action";
import { archiveGroup, freezeGroup, restoreGroup } from "@/lib/groups/actions";

type Group = { id: string; name: string; kind: "dynamic" | "static"; archived: boolean };

export function GroupActions({ group, count }: { group: Group; count: number }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const archive = useAction();
  const [confirming, setConfirming] = useState(false);
  if (group.archived)
    return (
      <Button size="sm" variant="secondary" pending={archive.pending} onClick={() => archive.run(() => restoreGroup({ groupId: group.id }), () => router.refresh())} icon={<ArchiveRestore className="h-4 w-4" aria-hidden />}>
        {t("restore")}
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      {archive.error ? <span className="text-sm text-red-600">{archive.error}</span> : null}
      <Button asChild size="sm" variant="secondary">
        <Link href={`/customers/groups/${group.id}/edit`} data-testid="edit-group">
          <Pencil className="h-4 w-4" aria-hidden />
          {t("edit")}
        </Link>
      </Button>
      {group.kind === "dynamic" ? <FreezeButton group={group} count={count} /> : null}
      <Button asChild size="sm" variant="secondary">
        <a href={`/api/groups/${group.id}/export`} download data-testid="export-group">
          <Download className="h-4 w-4" aria-hidden />
          {t("export")}
        </a>
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} icon={<Archive className="h-4 w-4" aria-hidden />}>
        {t("archive")}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("archive")}
        description={t("archiveConfirm", { name: group.name })}
        confirmLabel={t("archive")}
        cancelLabel={t("cancel")}
        pending={archive.pending}
        error={archive.error}
        onConfirm={() => archive.run(() => archiveGroup({ groupId: group.id }), () => router.push("/customers/groups"))}
      />
    </div>
  );
}

/** "Freeze": a static copy of who is in the dynamic group now, under a new name. */
function FreezeButton({ group, count }: { group: Group; count: number }) {
  const t = useTranslations("groups");
  const format = useFormatter();
  const router = useRouter();
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    run(
      () => freezeGroup({ groupId: group.id, name }),
      ({ id }) => {
        setOpen(false);
        router.push(`/customers/groups/${id}`);
      },
    );
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" icon={<Snowflake className="h-4 w-4" aria-hidden />} data-testid="freeze-group">
          {t("freeze")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("freezeTitle")} description={t("freezeHint", { count })} closeLabel={t("cancel")}>
        <form onSubmit={submit} className="grid gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Field label={t("name")} htmlFor="freeze-name" error={fieldError("name")}>
            <Input id="freeze-name" name="name" defaultValue={t("freezeName", { name: group.name, date: format.dateTime(new Date(), { dateStyle: "medium" }) })} maxLength={80} autoFocus />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" pending={pending} data-testid="confirm-freeze">
              {t("freezeConfirm")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
