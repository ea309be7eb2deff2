"use client";

import { Check } from "lucide-react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { updateWebhookEndpointAction } from "@/lib/webhooks/actions";
import { EndpointFields } from "./endpoint-fields";
import type { EndpointSummary } from "./webhooks-manager";

/** Changes an endpoint's address (checked like a new one), description and event types. */
export function EndpointEditForm({ endpoint, eventTypes, onSaved, onCancel }: { endpoint: EndpointSummary; eventTypes: string[]; onSaved: () => void; onCancel: () => void }) {
  const t = useTranslations("webhooks");
  const { run, pending, error, fieldError } = useAction();

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("id", endpoint.id);
    run(() => updateWebhookEndpointAction(data), onSaved);
  };

  return (
    <form onSubmit={save} className="space-y-4" data-testid="webhook-edit-form">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <EndpointFields idPrefix="webhook-edit" eventTypes={eventTypes} fieldError={fieldError} values={endpoint} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" data-testid="save-webhook" pending={pending} icon={<Check className="h-4 w-4" aria-hidden />}>
          {t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
