"use client";

import { ChevronRight, Plus, Webhook } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import { createWebhookEndpoint } from "@/lib/webhooks/actions";
import { EndpointFields } from "./endpoint-fields";

export type EndpointSummary = { id: string; url: string; description: string; eventTypes: string[]; status: "active" | "disabled"; failingSince: string | null };

export function WebhooksManager({ endpoints, eventTypes }: { endpoints: EndpointSummary[]; eventTypes: string[] }) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, error, fieldError } = useAction();

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(
      () => createWebhookEndpoint(data),
      (created) => router.push(`/company/webhooks?endpoint=${created.id}`),
    );
  };

  return (
    <div className="space-y-6">
      <Card className="overflow-hidden">
        <CardHeader title={t("endpointsTitle")} description={t("endpointsDescription")} />
        {endpoints.length ? (
          <ul className="divide-y divide-slate-100" data-testid="webhook-endpoints">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id}>
                <Link
                  href={`/company/webhooks?endpoint=${endpoint.id}`}
                  className="flex items-center gap-3 px-5 py-3 text-sm hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
                >
                  <Webhook className="h-4 w-4 shrink-0 text-slate-400" aria-hidden />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-mono text-slate-900">{endpoint.url}</span>
                    <span className="block truncate text-xs text-slate-500">
                      {endpoint.description ? `${endpoint.description} · ` : ""}
                      {t("eventCount", { count: endpoint.eventTypes.length })}
                    </span>
                  </span>
                  {endpoint.status === "disabled" ? (
                    <Badge tone="red">{t("status.disabled")}</Badge>
                  ) : endpoint.failingSince ? (
                    <Badge tone="orange">{t("status.failing")}</Badge>
                  ) : (
                    <Badge tone="green">{t("status.active")}</Badge>
                  )}
                  <ChevronRight className="h-4 w-4 shrink-0 text-slate-300" aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <CardBody>
            <p className="text-sm text-slate-500">{t("none")}</p>
          </CardBody>
        )}
      </Card>

      <Card>
        <CardHeader title={t("createTitle")} description={t("createDescription")} />
        <CardBody>
          <form ref={form} onSubmit={create} className="space-y-4">
            {error ? <Alert tone="error">{error}</Alert> : null}
            <EndpointFields idPrefix="webhook" eventTypes={eventTypes} fieldError={fieldError} />
            <Button type="submit" data-testid="create-webhook" pending={pending} icon={<Plus className="h-4 w-4" aria-hidden />}>
              {t("create")}
            </Button>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}
