import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listDeliveryAttempts, listEndpointDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { requirePermission } from "@/lib/auth/session";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { EndpointDetail } from "./endpoint-detail";
import { WebhooksManager } from "./webhooks-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("company.tabs"))("webhooks") };
}

/** IMPL-2: the company's webhook endpoints; `?endpoint=<id>` opens one with its delivery log. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ endpoint?: string }> }) {
  const { db, companyId } = await requirePermission("manageWebhooks");
  const { endpoint: selectedId } = await searchParams;
  const endpoints = await listWebhookEndpoints(db, { companyId });
  const selected = endpoints.find((endpoint) => endpoint.id === selectedId);
  const summaries = endpoints.map((endpoint) => ({
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    status: endpoint.status,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
  }));
  if (!selected) return <WebhooksManager endpoints={summaries} eventTypes={[...WEBHOOK_EVENT_TYPES]} />;

  const deliveries = await listEndpointDeliveries(db, { companyId, endpointId: selected.id, limit: 50 });
  const attempts = await listDeliveryAttempts(db, { companyId, deliveryIds: deliveries.map((delivery) => delivery.id) });
  return (
    <EndpointDetail
      eventTypes={[...WEBHOOK_EVENT_TYPES]}
      endpoint={{
        ...summaries.find((summary) => summary.id === selected.id)!,
        disabledAt: selected.disabledAt?.toISOString() ?? null,
        disabledReason: selected.disabledReason,
        previousSecretExpiresAt: selected.previousSecretExpiresAt && selected.previousSecretExpiresAt > new Date() ? selected.previousSecretExpiresAt.toISOString() : null,
      }}
      deliveries={deliveries.map((delivery) => ({
        id: delivery.id,
        eventId: delivery.eventId,
        type: delivery.type,
        status: delivery.status,
        attempts: delivery.attempts,
        responseStatus: delivery.responseStatus,
        responseExcerpt: delivery.responseExcerpt,
        durationMs: delivery.durationMs,
        error: delivery.error,
        createdAt: delivery.createdAt.toISOString(),
        nextAttemptAt: delivery.status === "failed" ? delivery.nextAttemptAt.toISOString() : null,
        attemptLog: attempts
          .filter((attempt) => attempt.deliveryId === delivery.id)
          .map((attempt) => ({
            id: attempt.id,
            at: attempt.at.toISOString(),
            responseStatus: attempt.responseStatus,
            durationMs: attempt.durationMs,
            error: attempt.error,
            responseExcerpt: attempt.responseExcerpt,
            requestBody: attempt.requestBody,
          })),
      }))}
    />
  );
}
