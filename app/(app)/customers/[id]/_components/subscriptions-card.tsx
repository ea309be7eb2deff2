"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { setSubscriptions } from "@/lib/customers/actions";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import type { OptOutCause } from "@/lib/compliance/opt-out-cause";

type Subscriptions = { general: boolean; marketing: boolean };

/**
 * CUST-4: All / General / Marketing. A customer who texted STOP (or whom staff unsubscribed
 * at their request) is shown why they cannot be subscribed again by staff: only their own
 * START can.
 */
export function SubscriptionsCard({
  customerId,
  subscriptions,
  optedOutOn,
  optedOutBy = { by: "customer" },
}: {
  customerId: string;
  subscriptions: Subscriptions;
  optedOutOn: string | null;
  optedOutBy?: OptOutCause;
}) {
  const t = useTranslations("customers.subscriptions");
  const router = useRouter();
  const [value, setValue] = useState(subscriptions);
  const { run, pending, error } = useAction();

  const save = (next: Subscriptions) => {
    const previous = value;
    setValue(next);
    run(
      async () => {
        const result = await setSubscriptions({ customerId, ...next });
        if (!result.ok) setValue(previous);
        return result;
      },
      () => router.refresh(),
    );
  };

  const box = (id: string, label: string, hint: string, checked: boolean, onChange: (checked: boolean) => void, indeterminate = false) => (
    <label htmlFor={id} className="flex items-start gap-3 py-2">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-500 disabled:opacity-50"
        // An opted-out customer receives nothing: no box may look ticked.
        checked={optedOutOn ? false : checked}
        ref={(element) => {
          if (element) element.indeterminate = !optedOutOn && indeterminate;
        }}
        disabled={pending || Boolean(optedOutOn)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        <span className="block text-sm font-medium text-slate-900">{label}</span>
        <span className="block text-sm text-slate-500">{hint}</span>
      </span>
    </label>
  );

  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody className="space-y-1">
        {optedOutOn ? (
          <Alert tone="warning" className="mb-3">
            <span data-testid="stopped-explanation">
              {optedOutBy.by === "staff"
                ? t("stoppedByStaff", { date: optedOutOn, name: optedOutBy.staffName ?? t("staffUnknown") })
                : t("stopped", { date: optedOutOn })}
            </span>
          </Alert>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {box("subscription-all", t("all"), t("allHint"), value.general && value.marketing, (checked) => save({ general: checked, marketing: checked }), value.general !== value.marketing)}
        <div className="ml-7 border-l border-slate-100 pl-3">
          {box("subscription-general", t("general"), t("generalHint"), value.general, (checked) => save({ ...value, general: checked }))}
          {box("subscription-marketing", t("marketing"), t("marketingHint"), value.marketing, (checked) => save({ ...value, marketing: checked }))}
        </div>
      </CardBody>
    </Card>
  );
}
