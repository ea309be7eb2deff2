"use client";

import { ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/result";
import type { OptOutFlagView } from "@/lib/compliance/types";

type FlagAction = (input: { flagId: string }) => Promise<ActionResult<unknown>>;

/**
 * Under an inbound text that may be an opt-out request ("stop calling me at work"): the
 * customer is still subscribed until a staff member decides, in one click. The actions
 * are `unsubscribeFlaggedCustomer` and `dismissOptOutHint` from lib/compliance/actions.
 */
export function OptOutHint({ flag, unsubscribe, dismiss }: { flag: OptOutFlagView; unsubscribe: FlagAction; dismiss: FlagAction }) {
  const t = useTranslations("compliance.hint");
  const { run, pending, error } = useAction();
  const [done, setDone] = useState<"unsubscribed" | "dismissed" | null>(null);

  if (done) {
    return (
      <p role="status" className="rounded-lg bg-slate-50 px-3 py-2 text-xs text-slate-600 ring-1 ring-inset ring-slate-200">
        {t(done)}
      </p>
    );
  }
  return (
    <div role="region" aria-label={t("title")} className="rounded-lg bg-amber-50 px-3.5 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
      <p className="flex items-center gap-2 font-medium">
        <ShieldAlert className="h-4 w-4 shrink-0" aria-hidden />
        {t("title")}
      </p>
      <p className="mt-1 text-amber-800">{t("description")}</p>
      {error ? (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="danger" pending={pending} onClick={() => run(() => unsubscribe({ flagId: flag.id }), () => setDone("unsubscribed"))}>
          {t("unsubscribe")}
        </Button>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(() => dismiss({ flagId: flag.id }), () => setDone("dismissed"))}>
          {t("dismiss")}
        </Button>
      </div>
    </div>
  );
}
