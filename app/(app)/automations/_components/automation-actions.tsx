"use client";

import { Archive, Copy, MoreHorizontal, Pause, Pencil, Play } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useAction } from "@/components/ui/use-action";
import { activateAutomation, archiveAutomation, duplicateAutomation, pauseAutomation, resumeAutomation } from "@/lib/automations/actions";

type Row = { id: string; name: string; status: string };

/** Per automation: pause / resume in one click, activate with a confirmation, edit, duplicate, archive (confirmed). */
export function AutomationActions({ automation, schedule }: { automation: Row; schedule: string }) {
  const t = useTranslations("automations.list");
  const router = useRouter();
  const { run, pending, error, reset } = useAction();
  const [confirm, setConfirm] = useState<"archive" | "activate" | null>(null);
  const done = () => {
    setConfirm(null);
    router.refresh();
  };
  const close = (open: boolean) => {
    if (!open) {
      setConfirm(null);
      reset();
    }
  };
  const { id, name, status } = automation;

  return (
    <div className="flex items-center gap-1.5">
      {status === "active" ? (
        <Button variant="secondary" size="sm" pending={pending && !confirm} onClick={() => run(() => pauseAutomation({ id }), done)} icon={<Pause className="h-4 w-4" aria-hidden />} data-testid="automation-pause">
          {t("pause")}
        </Button>
      ) : status === "paused" ? (
        <Button variant="secondary" size="sm" pending={pending && !confirm} onClick={() => run(() => resumeAutomation({ id }), done)} icon={<Play className="h-4 w-4" aria-hidden />} data-testid="automation-resume">
          {t("resume")}
        </Button>
      ) : status === "draft" ? (
        <Button size="sm" onClick={() => setConfirm("activate")} icon={<Play className="h-4 w-4" aria-hidden />} data-testid="automation-activate">
          {t("activate")}
        </Button>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t("more", { name })} data-testid="automation-menu">
            <MoreHorizontal className="h-4 w-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem asChild>
            <Link href={`/automations/${id}/edit`}>
              <Pencil className="h-4 w-4" aria-hidden />
              {t("edit")}
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem
            onSelect={() =>
              run(
                () => duplicateAutomation({ id, name: t("copyName", { name }) }),
                (copy) => {
                  router.push(`/automations/${copy.id}/edit`);
                },
              )
            }
            data-testid="automation-duplicate"
          >
            <Copy className="h-4 w-4" aria-hidden />
            {t("duplicate")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setConfirm("archive")} className="text-red-700 data-[highlighted]:text-red-800" data-testid="automation-archive">
            <Archive className="h-4 w-4" aria-hidden />
            {t("archive")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {error && !confirm ? (
        <p role="alert" className="basis-full text-right text-sm text-red-600">
          {error}
        </p>
      ) : null}

      <ConfirmDialog
        open={confirm === "archive"}
        onOpenChange={close}
        title={t("archiveTitle", { name })}
        description={t("archiveDescription")}
        confirmLabel={t("archive")}
        cancelLabel={t("cancel")}
        pending={pending}
        error={error}
        onConfirm={() => run(() => archiveAutomation({ id }), done)}
      />
      <Dialog open={confirm === "activate"} onOpenChange={close}>
        <DialogContent title={t("activateTitle", { name })} description={t("activateDescription", { schedule })} closeLabel={t("cancel")}>
          {error ? <p className="mb-3 text-sm text-red-600">{error}</p> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </DialogClose>
            <Button pending={pending} onClick={() => run(() => activateAutomation({ id }), done)} data-testid="automation-confirm-activate">
              {t("confirmActivate")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
