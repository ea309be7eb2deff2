"use client";

import { Lock, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ATTRIBUTE_TYPES } from "@/lib/attributes/validation";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { createAttribute, deleteAttribute } from "@/lib/attributes/actions";

type Custom = { id: string; category: "customer" | "appointment" | "event"; key: string; label: string; type: string; options: string[] };
type BuiltIn = { path: string; group: string; label: string };

const CATEGORIES = ["customer", "appointment", "event"] as const;

export function AttributesManager({ builtIn, custom }: { builtIn: BuiltIn[]; custom: Custom[] }) {
  const t = useTranslations("attributesPage");
  const errorText = useErrorText();
  const router = useRouter();
  const [type, setType] = useState("string");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [deleting, setDeleting] = useState<Custom | null>(null);
  const [pending, startTransition] = useTransition();

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createAttribute(data);
      if (!result.ok) {
        return setErrors({
          form: result.fieldErrors ? undefined : errorText(result.error, result.values),
          label: errorText(result.fieldErrors?.label?.[0]),
          options: errorText(result.fieldErrors?.options?.[0]),
        });
      }
      setErrors({});
      form.reset();
      setType("string");
      router.refresh();
    });
  };

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("createTitle")} description={t("createDescription")} />
        <CardBody>
          <form onSubmit={create} className="grid gap-4 sm:grid-cols-2">
            {errors.form ? <Alert tone="error" className="sm:col-span-2">{errors.form}</Alert> : null}
            <Field label={t("label")} htmlFor="attribute-label" error={errors.label}>
              <Input id="attribute-label" name="label" placeholder={t("labelPlaceholder")} aria-invalid={Boolean(errors.label)} />
            </Field>
            <Field label={t("category")} htmlFor="attribute-category">
              <Select id="attribute-category" name="category" defaultValue="customer">
                {CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {t(`categories.${category}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("type")} htmlFor="attribute-type" hint={t(`typeHints.${type}`)}>
              <Select id="attribute-type" name="type" value={type} onChange={(event) => setType(event.target.value)}>
                {ATTRIBUTE_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {t(`types.${value}`)}
                  </option>
                ))}
              </Select>
            </Field>
            {type === "collection" ? (
              <Field label={t("options")} htmlFor="attribute-options" hint={t("optionsHint")} error={errors.options}>
                <Textarea id="attribute-options" name="options" rows={3} aria-invalid={Boolean(errors.options)} />
              </Field>
            ) : null}
            <div className="sm:col-span-2">
              <Button type="submit" data-testid="create-attribute" pending={pending} icon={<Plus className="h-4 w-4" aria-hidden />}>
                {t("create")}
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>

      {CATEGORIES.map((category) => {
        const own = custom.filter((attribute) => attribute.category === category);
        const builtIns = builtIn.filter((attribute) => attribute.group === category);
        return (
          <Card key={category} className="overflow-hidden">
            <CardHeader title={t(`categories.${category}`)} />
            <ul className="divide-y divide-slate-100" data-testid={`attributes-${category}`}>
              {builtIns.map((attribute) => (
                <li key={attribute.path} className="flex items-center gap-3 px-5 py-3 text-sm">
                  <Lock className="h-4 w-4 text-slate-300" aria-hidden />
                  <span className="flex-1 text-slate-800">{attribute.label}</span>
                  <code className="text-xs text-slate-400">{`{ ${attribute.path} }`}</code>
                  <Badge>{t("builtIn")}</Badge>
                </li>
              ))}
              {own.map((attribute) => (
                <li key={attribute.id} className="flex items-center gap-3 px-5 py-3 text-sm" data-testid="custom-attribute">
                  <span className="w-4" />
                  <span className="min-w-0 flex-1">
                    <span className="block text-slate-900">{attribute.label}</span>
                    {attribute.options.length ? <span className="block truncate text-xs text-slate-500">{attribute.options.join(" · ")}</span> : null}
                  </span>
                  <code className="hidden text-xs text-slate-400 sm:inline">{`{ ${category}.${attribute.key} }`}</code>
                  <Badge tone="brand">{t(`types.${attribute.type}`)}</Badge>
                  <Button variant="ghost" size="icon" onClick={() => setDeleting(attribute)} aria-label={t("deleteNamed", { label: attribute.label })}>
                    <Trash2 className="h-4 w-4" aria-hidden />
                  </Button>
                </li>
              ))}
            </ul>
          </Card>
        );
      })}

      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(value) => !value && setDeleting(null)}
        title={deleting ? t("deleteTitle", { label: deleting.label }) : ""}
        description={t("deleteDescription")}
        confirmLabel={t("confirmDelete")}
        cancelLabel={t("cancel")}
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            await deleteAttribute({ id: deleting!.id });
            setDeleting(null);
            router.refresh();
          })
        }
      />
    </div>
  );
}
