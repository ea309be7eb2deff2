"use client";

import { BookOpen, Check, Copy, FileJson, KeyRound, Plus, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/page-header";
import { useErrorText } from "@/components/ui/use-error-text";
import { createApiKey, revokeApiKey } from "@/lib/api/actions";

const SCOPES = ["read", "write", "send"] as const;
type Scope = (typeof SCOPES)[number];
type Key = { id: string; name: string; prefix: string; scopes: Scope[]; createdByName: string | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function ApiKeysManager({ keys }: { keys: Key[] }) {
  const t = useTranslations("api");
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<{ form?: string; name?: string; scopes?: string }>({});
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { name: String(data.get("name") ?? ""), scopes: SCOPES.filter((scope) => data.getAll("scopes").includes(scope)) };
    startTransition(async () => {
      const result = await createApiKey(input);
      if (!result.ok) {
        return setErrors({
          name: result.fieldErrors?.name?.[0] && errorText(result.fieldErrors.name[0]),
          scopes: result.fieldErrors?.scopes?.[0] && errorText(result.fieldErrors.scopes[0]),
          form: result.fieldErrors ? undefined : errorText(result.error),
        });
      }
      setErrors({});
      form.reset();
      setCopied(false);
      setCreated(result.data.key);
      router.refresh();
    });
  };

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created).catch(() => {});
    setCopied(true);
  };

  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        <CardBody className="flex flex-wrap gap-2">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a route handler's HTML page (Swagger UI), not an app page */}
          <a href="/api/v1/docs" className="inline-flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500">
            <BookOpen className="h-4 w-4" aria-hidden />
            {t("reference")}
          </a>
          <a href="/api/v1/openapi.json" className="inline-flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500">
            <FileJson className="h-4 w-4" aria-hidden />
            {t("openapi")}
          </a>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("createTitle")} />
        <CardBody>
          <form onSubmit={create} className="space-y-4" noValidate>
            <Field label={t("name")} htmlFor="api-key-name" error={errors.name}>
              <Input id="api-key-name" name="name" placeholder={t("namePlaceholder")} maxLength={80} className="sm:max-w-sm" aria-invalid={Boolean(errors.name)} />
            </Field>
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-slate-700">{t("scopes")}</legend>
              <div className="grid gap-2 sm:grid-cols-3">
                {SCOPES.map((scope) => (
                  <label key={scope} className="flex items-start gap-2.5 rounded-lg border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50">
                    <input type="checkbox" name="scopes" value={scope} defaultChecked={scope !== "send"} className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" />
                    <span>
                      <span className="block font-medium text-slate-800">{t(`scope.${scope}`)}</span>
                      <span className="block text-slate-500">{t(`scopeHint.${scope}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.scopes ? <p role="alert" className="mt-2 text-sm text-red-600">{errors.scopes}</p> : null}
            </fieldset>
            <Button type="submit" pending={pending} icon={<Plus className="h-4 w-4" aria-hidden />}>
              {t("create")}
            </Button>
            {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          </form>
        </CardBody>
      </Card>

      <Dialog open={created !== null} onOpenChange={(open) => !open && setCreated(null)}>
        <DialogContent title={t("createdTitle")} description={t("createdDescription")} closeLabel={t("done")}>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Input readOnly value={created ?? ""} aria-label={t("createdTitle")} data-testid="new-api-key" className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            <Button type="button" variant="secondary" onClick={copy} icon={copied ? <Check className="h-4 w-4" aria-hidden /> : <Copy className="h-4 w-4" aria-hidden />}>
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <div className="mt-4 flex justify-end">
            <Button type="button" onClick={() => setCreated(null)}>
              {t("done")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>

      <Card>
        <CardHeader title={t("keysTitle")} />
        {keys.length === 0 ? (
          <EmptyState icon={<KeyRound className="h-6 w-6" />} title={t("noKeys")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {keys.map((key) => (
              <li key={key.id} data-testid="api-key" className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-6">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{key.name}</span>
                    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{key.prefix}…</code>
                    {key.revokedAt ? <Badge tone="red">{t("revoked")}</Badge> : null}
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {key.scopes.map((scope) => (
                      <Badge key={scope} tone={scope === "send" ? "orange" : "brand"}>
                        {t(`scope.${scope}`)}
                      </Badge>
                    ))}
                  </div>
                  <p className="text-xs text-slate-500">
                    {key.createdByName ? t("createdBy", { name: key.createdByName, date: date(key.createdAt) }) : t("createdOn", { date: date(key.createdAt) })}
                    {" · "}
                    {key.lastUsedAt ? t("lastUsed", { date: format.relativeTime(new Date(key.lastUsedAt)) }) : t("neverUsed")}
                  </p>
                </div>
                {key.revokedAt ? null : (
                  <ConfirmDialog
                    trigger={
                      <DialogTrigger asChild>
                        <Button variant="secondary" size="sm" aria-label={t("revokeNamed", { name: key.name })} icon={<Trash2 className="h-4 w-4" aria-hidden />}>
                          {t("revoke")}
                        </Button>
                      </DialogTrigger>
                    }
                    title={t("revokeTitle", { name: key.name })}
                    description={t("revokeDescription")}
                    confirmLabel={t("revoke")}
                    cancelLabel={t("cancel")}
                    pending={pending}
                    onConfirm={() => startTransition(async () => {
                      await revokeApiKey({ id: key.id });
                      router.refresh();
                    })}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
