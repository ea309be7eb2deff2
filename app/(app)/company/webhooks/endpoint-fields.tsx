"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The address, description and event types of an endpoint: the create form and the edit form. */
export function EndpointFields({
  idPrefix,
  eventTypes,
  fieldError,
  values,
}: {
  idPrefix: string;
  eventTypes: string[];
  fieldError: (name: string) => string | undefined;
  values?: { url: string; description: string; eventTypes: string[] };
}) {
  const t = useTranslations("webhooks");
  return (
    <>
      <Field label={t("url")} htmlFor={`${idPrefix}-url`} hint={t("urlHint")} error={fieldError("url")}>
        <Input
          id={`${idPrefix}-url`}
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://dms.example.com/parley"
          defaultValue={values?.url}
          required
          aria-invalid={Boolean(fieldError("url"))}
        />
      </Field>
      <Field label={t("description")} htmlFor={`${idPrefix}-description`}>
        <Input id={`${idPrefix}-description`} name="description" maxLength={200} placeholder={t("descriptionPlaceholder")} defaultValue={values?.description} />
      </Field>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("eventTypes")}</legend>
        {fieldError("eventTypes") ? <p className="mb-2 text-sm text-red-600">{fieldError("eventTypes")}</p> : null}
        <div className="grid gap-2 sm:grid-cols-2">
          {eventTypes.map((type) => (
            <label key={type} className="flex items-start gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                name="eventTypes"
                value={type}
                defaultChecked={values?.eventTypes.includes(type)}
                className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600"
              />
              <span>
                <code className="block text-xs text-slate-900">{type}</code>
                <span className="block text-xs text-slate-500">{t(`types.${type.replace(".", "_")}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
