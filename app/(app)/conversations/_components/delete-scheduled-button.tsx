"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deleting a scheduled message cannot be undone, so it is confirmed first. */
export function DeleteScheduledButton({ pending, onConfirm }: { pending: boolean; onConfirm: () => void }) {
  const t = useTranslations("scheduled");
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="ghost" className="text-red-600" onClick={() => setConfirming(true)} disabled={pending}>
        <Trash2 className="h-4 w-4" aria-hidden />
        {t("delete")}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("deleteTitle")}
        description={t("deleteDescription")}
        confirmLabel={t("delete")}
        cancelLabel={t("cancel")}
        pending={pending}
        onConfirm={() => {
          setConfirming(false);
          onConfirm();
        }}
      />
    </>
  );
}
