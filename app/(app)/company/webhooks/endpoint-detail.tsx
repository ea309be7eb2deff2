"use client";

import { ArrowLeft, Copy, Eye, KeyRound, Pencil, Power, RotateCcw, Send, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-action";
import {
  deleteWebhookEndpointAction,
  disableWebhookEndpointAction,
  enableWebhookEndpointAction,
  replayWebhookDelivery,
  replayWebhookRange,
  revealWebhookSecret,
  rollWebhookSecretAction,
  sendTestWebhookEvent,
} from "@/lib/webhooks/actions";
import { EndpointEditForm } from "./endpoint-edit";
import type { EndpointSummary } from "./webhooks-manager";

type Attempt = { id: string; at: string; responseStatus: number | null; durationMs: number | null; error: string | null; responseExcerpt: string | null; requestBody: string };
type Delivery = {
  id: string;
  eventId: string;
  type: string;
  status: "pending" | "delivering" | "succeeded" | "failed" | "abandoned";
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  attemptLog: Attempt[];
};
type Endpoint = EndpointSummary & { disabledAt: string | null; disabledReason: string | null; previousSecretExpiresAt: string | null };

const STATUS_TONE = { pending: "neutral", delivering: "brand", succeeded: "green", failed: "orange", abandoned: "red" } as const;

export function EndpointDetail({ endpoint, deliveries, eventTypes }: { endpoint: Endpoint; deliveries: Delivery[]; eventTypes: string[] }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const router = useRouter();
  const action = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<"roll" | "delete" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  const refresh = (message?: string) => {
    setNotice(message ?? null);
    router.refresh();
  };

  const replayRange = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = new Date(String(data.get("from")));
    const to = new Date(String(data.get("to")));
    action.run(
      () => replayWebhookRange({ id: endpoint.id, from: from.toISOString(), to: to.toISOString() }),
      ({ count }) => refresh(t("replayedRange", { count })),
    );
  };

  return (
    <div className="space-y-6">
      <Link href="/company/webhooks" className="inline-flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft className="h-4 w-4" aria-hidden /> {t("back")}
      </Link>

      {endpoint.status === "disabled" ? (
        <div data-testid="webhook-disabled">
          <Alert tone="warning">
            <span className="block font-medium">{t(endpoint.disabledReason === "failing" ? "disabledFailing" : "disabledManual", { date: endpoint.disabledAt ? when(endpoint.disabledAt) : "" })}</span>
            <Button size="sm" variant="secondary" className="mt-2" pending={action.pending} icon={<Power className="h-4 w-4" aria-hidden />} onClick={() => action.run(() => enableWebhookEndpointAction({ id: endpoint.id }), () => refresh(t("enabled")))}>
              {t("enable")}
            </Button>
          </Alert>
        </div>
      ) : null}
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <Card>
        <CardHeader
          title={<span className="break-all font-mono text-base" data-testid="webhook-url">{endpoint.url}</span>}
          description={endpoint.description || undefined}
          action={
            <div className="flex gap-1">
              <Button variant="ghost" size="icon" aria-label={t("edit")} aria-pressed={editing} data-testid="edit-webhook" onClick={() => setEditing(!editing)}>
                <Pencil className="h-4 w-4" aria-hidden />
              </Button>
              <Button variant="ghost" size="icon" aria-label={t("delete")} onClick={() => setConfirm("delete")}>
                <Trash2 className="h-4 w-4" aria-hidden />
              </Button>
            </div>
          }
        />
        <CardBody className="space-y-4">
          {editing ? (
            <EndpointEditForm
              endpoint={endpoint}
              eventTypes={eventTypes}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                refresh(t("saved"));
              }}
            />
          ) : (
            <div className="flex flex-wrap gap-1.5" data-testid="webhook-event-types">
              {endpoint.eventTypes.map((type) => (
                <Badge key={type} tone="brand">
                  {type}
                </Badge>
              ))}
            </div>
          )}
          <div>
            <p className="mb-1.5 text-sm font-medium text-slate-700">{t("secret")}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded-md bg-slate-100 px-2.5 py-2 text-xs text-slate-800" data-testid="webhook-secret">
                {secret ?? "whsec_••••••••••••••••••••••••"}
              </code>
              {secret ? (
                <Button
                  size="sm"
                  variant="secondary"
                  icon={<Copy className="h-4 w-4" aria-hidden />}
                  onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
                >
                  {copied ? t("copied") : t("copy")}
                </Button>
              ) : (
                <Button size="sm" variant="secondary" icon={<Eye className="h-4 w-4" aria-hidden />} onClick={() => action.run(() => revealWebhookSecret({ id: endpoint.id }), (data) => setSecret(data.secret))}>
                  {t("reveal")}
                </Button>
              )}
              <Button size="sm" variant="secondary" icon={<KeyRound className="h-4 w-4" aria-hidden />} onClick={() => setConfirm("roll")}>
                {t("roll")}
              </Button>
            </div>
            <p className="mt-1.5 text-xs text-slate-500">
              {endpoint.previousSecretExpiresAt ? t("previousSecretValid", { date: when(endpoint.previousSecretExpiresAt) }) : t("secretHint")}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              data-testid="webhook-send-test"
              icon={<Send className="h-4 w-4" aria-hidden />}
              pending={action.pending}
              onClick={() => action.run(() => sendTestWebhookEvent({ id: endpoint.id }), () => refresh(t("testSent")))}
            >
              {t("sendTest")}
            </Button>
            {endpoint.status === "active" ? (
              <Button
                size="sm"
                variant="secondary"
                icon={<Power className="h-4 w-4" aria-hidden />}
                pending={action.pending}
                onClick={() => action.run(() => disableWebhookEndpointAction({ id: endpoint.id }), () => refresh())}
              >
                {t("disable")}
              </Button>
            ) : null}
          </div>
        </CardBody>
      </Card>

      <Card className="overflow-hidden">
        <CardHeader title={t("logTitle")} description={t("logDescription")} />
        {deliveries.length ? (
          <ul className="divide-y divide-slate-100" data-testid="webhook-deliveries">
            {deliveries.map((delivery) => (
              <li key={delivery.id} className="px-5 py-3 text-sm" data-testid="webhook-delivery">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Badge tone={STATUS_TONE[delivery.status]}>{t(`deliveryStatus.${delivery.status}`)}</Badge>
                  <code className="text-xs text-slate-900">{delivery.type}</code>
                  <span className="text-xs text-slate-500">{when(delivery.createdAt)}</span>
                  <span className="ml-auto flex items-center gap-3 text-xs text-slate-500">
                    {delivery.responseStatus !== null ? <span data-testid="webhook-response-status">HTTP {delivery.responseStatus}</span> : null}
                    {delivery.durationMs !== null ? <span>{t("duration", { ms: delivery.durationMs })}</span> : null}
                    <span>{t("attempts", { count: delivery.attempts })}</span>
                  </span>
                </div>
                {delivery.error ? <p className="mt-1 text-xs text-red-600">{delivery.error}</p> : null}
                {delivery.nextAttemptAt ? <p className="mt-1 text-xs text-slate-500">{t("nextAttempt", { date: when(delivery.nextAttemptAt) })}</p> : null}
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button size="sm" variant="ghost" aria-expanded={open === delivery.id} onClick={() => setOpen(open === delivery.id ? null : delivery.id)}>
                    {open === delivery.id ? t("hideDetails") : t("showDetails")}
                  </Button>
                  {delivery.status !== "pending" && delivery.status !== "delivering" ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      icon={<RotateCcw className="h-4 w-4" aria-hidden />}
                      pending={action.pending}
                      onClick={() => action.run(() => replayWebhookDelivery({ deliveryId: delivery.id }), () => refresh(t("replayed")))}
                    >
                      {t("replay")}
                    </Button>
                  ) : null}
                </div>
                {open === delivery.id ? (
                  <ol className="mt-2 space-y-2">
                    {delivery.attemptLog.map((attempt) => (
                      <li key={attempt.id} className="rounded-lg bg-slate-50 p-3 text-xs">
                        <p className="text-slate-600">
                          {when(attempt.at)} · {attempt.responseStatus !== null ? `HTTP ${attempt.responseStatus}` : attempt.error} · {t("duration", { ms: attempt.durationMs ?? 0 })}
                        </p>
                        <p className="mt-2 font-medium text-slate-700">{t("request")}</p>
                        <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all text-slate-800">{attempt.requestBody}</pre>
                        {attempt.responseExcerpt ? (
                          <>
                            <p className="mt-2 font-medium text-slate-700">{t("response")}</p>
                            <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all text-slate-800">{attempt.responseExcerpt}</pre>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <CardBody>
            <p className="text-sm text-slate-500">{t("noDeliveries")}</p>
          </CardBody>
        )}
      </Card>

      <Card>
        <CardHeader title={t("replayRangeTitle")} description={t("replayRangeDescription")} />
        <CardBody>
          <form onSubmit={replayRange} className="grid items-end gap-4 sm:grid-cols-[1fr_1fr_auto]">
            <Field label={t("from")} htmlFor="replay-from">
              <Input id="replay-from" name="from" type="datetime-local" required />
            </Field>
            <Field label={t("to")} htmlFor="replay-to">
              <Input id="replay-to" name="to" type="datetime-local" required />
            </Field>
            <Button type="submit" variant="secondary" pending={action.pending} icon={<RotateCcw className="h-4 w-4" aria-hidden />}>
              {t("replayRange")}
            </Button>
          </form>
        </CardBody>
      </Card>

      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(value) => !value && setConfirm(null)}
        title={confirm === "roll" ? t("rollTitle") : t("deleteTitle")}
        description={confirm === "roll" ? t("rollDescription") : t("deleteDescription")}
        confirmLabel={confirm === "roll" ? t("roll") : t("delete")}
        cancelLabel={t("cancel")}
        pending={action.pending}
        onConfirm={() =>
          confirm === "roll"
            ? action.run(
                () => rollWebhookSecretAction({ id: endpoint.id }),
                (data) => {
                  setSecret(data.secret);
                  setCopied(false);
                  setConfirm(null);
                  refresh(t("rolled"));
                },
              )
            : action.run(
                () => deleteWebhookEndpointAction({ id: endpoint.id }),
                () => router.push("/company/webhooks"),
              )
        }
      />
    </div>
  );
}
