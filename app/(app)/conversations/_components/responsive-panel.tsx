"use client";

import { PanelRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

/** The customer panel: a third column on very wide screens, a dialog from a button otherwise. */
export function PanelButton({ title, children }: { title: string; children: ReactNode }) {
  const t = useTranslations("inbox");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className="rounded-lg p-2 text-slate-500 hover:bg-slate-100 2xl:hidden" aria-label={t("customerPanel")}>
        <PanelRight className="h-5 w-5" aria-hidden />
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("closePanel")} className="max-h-[85dvh] overflow-y-auto">
        {children}
      </DialogContent>
    </Dialog>
  );
}
