"use client";

import { Pause, Pencil, Play, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import type { CampaignStatus } from "@/db/schema";
import { cancelCampaign, pauseCampaign, resumeCampaign } from "@/lib/campaigns/actions";

/** Edit (before it starts), pause while sending, resume when paused, cancel (confirmed) until it completes. */
export function CampaignControls({ campaign }: { campaign: { id: string; name: string; status: CampaignStatus } }) {
  const t = useTranslations("campaigns.controls");
  const router = useRouter();
  const { run, pending, error, reset } = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { id, name, status } = campaign;
  const done = () => {
    setConfirmCancel(false);
    router.refresh();
  };
  const editable = status === "draft" || status === "scheduled";
  const cancellable = status !== "completed" && status !== "cancelled";
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {editable ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={`/campaigns/${id}/edit`} data-testid="campaign-edit">
            <Pencil className="h-4 w-4" aria-hidden />
            {t("edit")}
          </Link>
        </Button>
      ) : null}
      {status === "sending" ? (
        <Button variant="secondary" size="sm" pending={pending && !confirmCancel} onClick={() => run(() => pauseCampaign({ id }), done)} icon={<Pause className="h-4 w-4" aria-hidden />} data-testid="campaign-pause">
          {t("pause")}
        </Button>
      ) : status === "paused" ? (
        <Button size="sm" pending={pending && !confirmCancel} onClick={() => run(() => resumeCampaign({ id }), done)} icon={<Play className="h-4 w-4" aria-hidden />} data-testid="campaign-resume">
          {t("resume")}
        </Button>
      ) : null}
      {cancellable ? (
        <Button variant="ghost" size="sm" onClick={() => setConfirmCancel(true)} icon={<XCircle className="h-4 w-4" aria-hidden />} className="text-red-700 hover:bg-red-50" data-testid="campaign-cancel">
          {t("cancel")}
        </Button>
      ) : null}
      {error && !confirmCancel ? (
        <p role="alert" className="basis-full text-right text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={(open) => {
          setConfirmCancel(open);
          if (!open) reset();
        }}
        title={t("cancelTitle", { name })}
        description={status === "draft" || status === "scheduled" ? t("cancelDescriptionBefore") : t("cancelDescription")}
        confirmLabel={t("confirmCancel")}
        cancelLabel={t("keep")}
        pending={pending}
        error={error}
        onConfirm={() => run(() => cancelCampaign({ id }), done)}
      />
    </div>
  );
}
